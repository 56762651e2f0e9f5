using System.Globalization;
using ClusterHub.Outbox;

namespace ClusterHub.Surveys;

/// <summary>The invitation and the reminder, in the recipient's language, each with its own personal link.</summary>
internal static class SurveyMessages
{
    public sealed record Sender(int Id, string Name, string? Language);

    /// <summary>
    /// The recipient's language: the one spoken where its organisation is (France, Belgium, Luxembourg, Monaco and
    /// Switzerland read French, Korea Korean), else the cluster's when it is one of those, else English.
    /// </summary>
    public static string LanguageOf(string? country, string? clusterLanguage) => country?.ToUpperInvariant() switch
    {
        "FR" or "BE" or "LU" or "MC" or "CH" => "fr",
        "KR" => "ko",
        _ => MailTexts.Culture(clusterLanguage).TwoLetterISOLanguageName,
    };

    public static OutboxMessage Invitation(Sender cluster, string language, string email, string fullName, string title, string link, DateOnly closesOn, DateTime now)
    {
        var culture = MailTexts.Culture(language);
        return OutboxMessage.Create(MessageKind.SurveyInvitation, cluster.Id, email,
            MailTexts.Text(culture, "Mail.Survey.Subject", cluster.Name, title),
            MailTexts.Text(culture, "Mail.Survey.Body", fullName, cluster.Name, title, link, MailTexts.Date(culture, closesOn)), now);
    }

    public static OutboxMessage Reminder(Sender cluster, string language, string email, string fullName, string title, string link, DateOnly closesOn, DateTime now)
    {
        var culture = MailTexts.Culture(language);
        return OutboxMessage.Create(MessageKind.SurveyReminder, cluster.Id, email,
            MailTexts.Text(culture, "Mail.SurveyReminder.Subject", cluster.Name, title),
            MailTexts.Text(culture, "Mail.SurveyReminder.Body", fullName, cluster.Name, title, link, MailTexts.Date(culture, closesOn)), now);
    }

    public static CultureInfo Culture(string? language) => MailTexts.Culture(language);
}
