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
        if (Reason(request.Reason) is not { } reason)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"is required (at most {MaxReasonLength} characters, no control character)"] });
        return TypedResults.Ok(await PersonalData.EraseAsync(db, scope.ClusterId, request.Email!, reason, ct));
    }

    public const int MaxReasonLength = 500;

    /// <summary>The erasure's reason, trimmed, or null when it is missing or no column can hold it (the page's rule too).</summary>
    internal static string? Reason(string? reason) => Web.InputText.Required(reason, MaxReasonLength);

    /// <summary>An address to look for, or why not; the address is a query parameter, and PostgreSQL refuses U+0000 in one.</summary>
    internal static ValidationProblem? Invalid(string? email) =>
        Web.InputText.Required(email, 254) is not { } address || !address.Contains('@', StringComparison.Ordinal)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["is not an e-mail address"] })
            : null;
}
