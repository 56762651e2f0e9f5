using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Accounts;

/// <summary>
/// The invitation's link: checks the one-time token (Identity's password-reset token, spent when the
/// password is set because setting it renews the security stamp), sets the password, signs the person in.
/// </summary>
[Public]
public sealed class WelcomeModel(UserManager<ClusterUser> users, SignInManager<ClusterUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Confirm { get; set; } = "";
    public string? Email { get; private set; }
    public bool LinkValid { get; private set; }

    /// <summary>Resource keys of what is wrong with the password, or the text Identity gave when no key says it.</summary>
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await CheckAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CheckAsync();
        if (user is null) return Page();
        if (Password != Confirm) Errors.Add("Welcome.Mismatch");
        else
        {
            var result = await users.ResetPasswordAsync(user, UserAdministration.DecodeToken(Token)!, Password);
            if (result.Succeeded)
            {
                user.EmailConfirmed = true; // the link reached this address
                await users.UpdateAsync(user);
                await signIn.SignInAsync(user, isPersistent: false);
                return LocalRedirect("/");
            }
            Errors.AddRange(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? "Welcome.Invalid" : $"Password.{e.Code}"));
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<ClusterUser?> CheckAsync()
    {
        var token = UserAdministration.DecodeToken(Token);
        var user = UserId is null || token is null ? null : await users.FindByIdAsync(UserId);
        LinkValid = user is not null && !await users.IsLockedOutAsync(user)
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ClusterUser>.ResetPasswordTokenPurpose, token!);
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
        Email = user!.Email;
        return user;
    }
}
