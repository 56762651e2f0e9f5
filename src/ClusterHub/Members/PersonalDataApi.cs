using ClusterHub.Accounts;
using ClusterHub.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterHub.Members;

public sealed record ErasureRequest(string? Email, string? Reason);

/// <summary>A person's data in the cluster, found by e-mail: its export (GDPR art. 15) and erasure (art. 17). Managers only.</summary>
public static class PersonalDataApi
{
    public static void MapPersonalData(this RouteGroupBuilder cluster)
    {
        var data = cluster.MapGroup("/personal-data").WithTags("Members").RequirePermission(MemberPermissions.ManagePersonalData);
        data.MapGet("/", Find);
        data.MapPost("/erasure", Erase);
    }

    /// <summary>Everything the cluster holds about the person with this e-mail: contacts, messages sent, changes made.</summary>
    public static async Task<Results<Ok<PersonalDataReport>, ValidationProblem>> Find(string? email, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        if (Invalid(email) is { } problem) return problem;
        return TypedResults.Ok(await PersonalData.FindAsync(db, scope.ClusterId, email!, ct));
    }

    /// <summary>Erases the person's contact details, the e-mails sent to them and what the history kept of them. A reason is required.</summary>
    public static async Task<Results<Ok<ErasureResult>, ValidationProblem>> Erase(ErasureRequest request, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        if (Invalid(request.Email) is { } problem) return problem;
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["is required (at most 500 characters)"] });
        return TypedResults.Ok(await PersonalData.EraseAsync(db, scope.ClusterId, request.Email!, request.Reason.Trim(), ct));
    }

    internal static ValidationProblem? Invalid(string? email) =>
        string.IsNullOrWhiteSpace(email) || email.Length > 254 || !email.Contains('@', StringComparison.Ordinal)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["is not an e-mail address"] })
            : null;
}
