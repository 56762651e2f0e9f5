using System.Security.Claims;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterHub.Accounts;

/// <summary>An invitation: the person's e-mail, a name to greet them by, the role, and for a representative the member it speaks for.</summary>
public sealed record InvitationRequest(string Email, string? DisplayName, ClusterRole Role, int? MemberId);

public sealed record RoleRequest(int? MemberId);

public sealed record InvitationResult(InvitationOutcome Outcome, PersonRow Person, int? MessageId);

public static class PeopleApi
{
    public static void MapPeople(this RouteGroupBuilder api, RouteGroupBuilder cluster)
    {
        var people = cluster.MapGroup("/people").WithTags("People").RequirePermission(AccountsFeature.ManageRoles);
        people.MapGet("/", List);
        people.MapPost("/invitations", Invite);
        people.MapPut("/{userId}/roles/{role}", Grant);
        people.MapDelete("/{userId}/roles/{role}", Revoke);

        var accounts = api.MapGroup("/users").WithTags("People").RequirePlatformAdministrator();
        accounts.MapPost("/{userId}/disable", Disable);
        accounts.MapPost("/{userId}/enable", Enable);
    }

    /// <summary>Who holds which role in the cluster, by e-mail, searched in e-mail and name, paged.</summary>
    public static async Task<Ok<Page<PersonRow>>> List(ClusterScope scope, UserAdministration admin, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await admin.PeopleAsync(scope.ClusterId, search, page, pageSize, ct));

    /// <summary>
    /// Invites a person with a role: a new address gets an account and an e-mail with a one-time link to
    /// set a password; an existing account gets the role and a notice. Both e-mails go through the outbox.
    /// </summary>
    public static async Task<Results<Created<InvitationResult>, ValidationProblem, ProblemHttpResult>> Invite(InvitationRequest request, ClusterScope scope,
        UserAdministration admin, HttpRequest http, IConfiguration configuration, CancellationToken ct)
    {
        if (!Enum.IsDefined(request.Role)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["is not a cluster role"] });
        var invitation = await admin.InviteAsync(scope.ClusterId, request.Email ?? "", request.DisplayName, request.Role, request.MemberId, SiteAddress.Of(http, configuration), ct);
        return invitation.Outcome switch
        {
            InvitationOutcome.Invited or InvitationOutcome.Granted => TypedResults.Created($"/api/v1/clusters/{scope.Slug}/people?search={Uri.EscapeDataString(request.Email!.Trim())}",
                new InvitationResult(invitation.Outcome, (await admin.PersonAsync(scope.ClusterId, invitation.UserId!, ct))!, invitation.MessageId)),
            InvitationOutcome.AlreadyHeld => TypedResults.Problem("The person already holds this role in the cluster.", statusCode: StatusCodes.Status409Conflict),
            InvitationOutcome.InvalidEmail => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["is not an e-mail address"] }),
            InvitationOutcome.InvalidName => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["displayName"] = [$"is longer than {UserAdministration.MaxDisplayNameLength} characters or contains a control character"] }),
            InvitationOutcome.MemberRequired => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["memberId"] = ["is required for a member representative"] }),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["memberId"] = ["is not a member of this cluster"] }),
        };
    }

    /// <summary>Grants a role to someone who already holds one in the cluster (invite newcomers instead).</summary>
    public static async Task<Results<Ok<PersonRow>, NotFound, ValidationProblem>> Grant(string userId, ClusterRole role, RoleRequest? request, ClusterScope scope,
        UserAdministration admin, CancellationToken ct)
    {
        if (!Enum.IsDefined(role)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["is not a cluster role"] });
        if (await admin.PersonAsync(scope.ClusterId, userId, ct) is null) return TypedResults.NotFound();
        var change = await admin.GrantRoleAsync(scope.ClusterId, userId, role, request?.MemberId, ct);
        return change switch
        {
            RoleChange.Granted or RoleChange.AlreadyHeld => TypedResults.Ok((await admin.PersonAsync(scope.ClusterId, userId, ct))!),
            RoleChange.UserNotFound => TypedResults.NotFound(),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["memberId"] = [UserAdministration.Describe(change)] }),
        };
    }

    /// <summary>Revokes a role; the cluster's last manager stays (409).</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Revoke(string userId, ClusterRole role, ClusterScope scope, UserAdministration admin, CancellationToken ct) =>
        await admin.RevokeRoleAsync(scope.ClusterId, userId, role, ct) switch
        {
            RoleChange.Revoked => TypedResults.NoContent(),
            RoleChange.LastManager => TypedResults.Problem(UserAdministration.Describe(RoleChange.LastManager), statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.NotFound(),
        };

    /// <summary>Disables an account (platform administrator): no login, no API token, until enabled again.</summary>
    public static Task<Results<NoContent, NotFound, ProblemHttpResult>> Disable(string userId, ClaimsPrincipal user, UserAdministration admin) =>
        SetDisabled(userId, true, user, admin);

    /// <summary>Enables a disabled account again (platform administrator).</summary>
    public static Task<Results<NoContent, NotFound, ProblemHttpResult>> Enable(string userId, ClaimsPrincipal user, UserAdministration admin) =>
        SetDisabled(userId, false, user, admin);

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> SetDisabled(string userId, bool disabled, ClaimsPrincipal user, UserAdministration admin) =>
        await admin.SetDisabledAsync(userId, disabled, user.FindFirstValue(ClaimTypes.NameIdentifier)) switch
        {
            AccountChange.NotFound => TypedResults.NotFound(),
            AccountChange.OwnAccount => TypedResults.Problem("You cannot disable your own account.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.NoContent(),
        };
}

/// <summary>The address links in e-mails point to: <c>PublicUrl</c> when configured (behind a proxy), else the request's own.</summary>
public static class SiteAddress
{
    public const string ConfigurationKey = "PublicUrl";

    public static Uri Of(HttpRequest request, IConfiguration configuration) =>
        configuration[ConfigurationKey] is { Length: > 0 } configured ? new Uri(configured)
            : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
}
