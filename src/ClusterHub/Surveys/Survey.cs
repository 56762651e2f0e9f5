using System.Globalization;
using ClusterHub.History;
using ClusterHub.Members;

namespace ClusterHub.Surveys;

/// <summary>A questionnaire's life: prepared, sent (answers accepted until it closes or its links expire), closed for good.</summary>
public enum SurveyState { Draft, Open, Closed }

/// <summary>
/// A stakeholder questionnaire of one cluster for one year (one per cluster and year): Likert items answered on a
/// scale of 1 to 5 or "don't know", sent to the members' contacts with personal links that expire at the end of
/// <see cref="ClosesOn"/>. Anonymous unless the secretariat says otherwise when creating it: an anonymous response
/// keeps the respondent's member type, for grouping, and nothing that says who answered.
/// </summary>
public sealed class Survey : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public SurveyState State { get; set; }
    public bool Anonymous { get; set; } = true;

    /// <summary>The last day answers are taken (the links expire at the end of that day, UTC).</summary>
    public DateOnly ClosesOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }
    public List<SurveyItem> Items { get; set; } = [];

    /// <summary>The instant the links stop working: the end of <see cref="ClosesOn"/>.</summary>
    public DateTime ExpiresAt => ClosesOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// <summary>
/// One statement the respondent rates from 1 (strongly disagree) to 5 (strongly agree). The key is free text
/// (<c>cipm.framework.consensus</c>): it is what the assessment's instruments refer to.
/// </summary>
public sealed class SurveyItem : IHistoryPart
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int Position { get; set; }
    public string Key { get; set; } = "";
    public string TextEn { get; set; } = "";
    public string? TextFr { get; set; }
    public string? TextKo { get; set; }

    /// <summary>The statement in the reader's language, in English when it has no translation.</summary>
    public string Text(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "fr" when !string.IsNullOrEmpty(TextFr) => TextFr,
        "ko" when !string.IsNullOrEmpty(TextKo) => TextKo,
        _ => TextEn,
    };

    string IHistoryPart.SubjectType => nameof(Survey);
    int IHistoryPart.SubjectId => SurveyId;
}

/// <summary>
/// One member asked to answer: who was asked (for the response rate and the reminders), in which language, until
/// when, and whether the invitation was used. It says that the member answered, never what: an anonymous response
/// does not point back to it.
/// </summary>
public sealed class SurveyInvitation : IHistoryPart
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int ClusterId { get; set; }
    public int MemberId { get; set; }

    /// <summary>The contact the invitation went to; reminders go to the same person while the contact exists.</summary>
    public int? ContactId { get; set; }

    /// <summary>The member's type when it was invited: responses are grouped by it.</summary>
    public MemberType MemberType { get; set; }

    /// <summary>The language of the messages and of the answer page ("en", "fr", "ko").</summary>
    public string Language { get; set; } = "en";
    public DateTime SentAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateOnly? LastRemindedOn { get; set; }
    public int Reminders { get; set; }

    /// <summary>Set once, by a conditional update, by the one submission that uses the invitation.</summary>
    public bool Answered { get; set; }

    string IHistoryPart.SubjectType => nameof(Survey);
    int IHistoryPart.SubjectId => SurveyId;
}

/// <summary>
/// A personal link's token, stored only as its SHA-256 hash. An invitation has one per message (the invitation and
/// each reminder carry a fresh link, since the token itself is never kept); any of them opens the same invitation,
/// which is answered once.
/// </summary>
public sealed class SurveyLink
{
    public int Id { get; set; }
    public int InvitationId { get; set; }
    public SurveyInvitation? Invitation { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime IssuedAt { get; set; }
}

/// <summary>One submitted questionnaire: the respondent's member type and language, and the member only when the survey is not anonymous.</summary>
public sealed class SurveyResponse
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int ClusterId { get; set; }
    public MemberType MemberType { get; set; }
    public int? MemberId { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>One item answered: a score from 1 to 5, or none for "don't know". An item left blank has no row.</summary>
public sealed class SurveyAnswer : IHistoryPart
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public int ItemId { get; set; }
    public int? Score { get; set; }

    string IHistoryPart.SubjectType => nameof(SurveyResponse);
    int IHistoryPart.SubjectId => ResponseId;
}

public static class SurveyLimits
{
    public const int Title = 200;
    public const int ItemKey = 128;
    public const int ItemText = 500;
    public const int MaxItems = 100;
    public const int TokenHash = 64;
    public const int Language = 8;

    /// <summary>How far ahead a survey may close: a year after it is sent is already long.</summary>
    public const int MaxOpenDays = 366;
}
