using ClusterHub.Outbox;

namespace ClusterHub.Dues;

/// <summary>The dues feature's e-mails, in the cluster's language: the invoice at renewal and the reminder when it falls overdue.</summary>
internal static class DuesMessages
{
    /// <summary>Who a member's dues mail goes to: its first contact with an e-mail who agreed to be contacted.</summary>
    public sealed record Addressee(string FullName, string Email);

    /// <summary>The cluster as its messages name it.</summary>
    public sealed record Sender(int Id, string Name, string? Language);

    public static OutboxMessage Invoice(Sender cluster, Addressee to, string memberName, int year, string number, DateOnly issuedOn, DateOnly dueOn, long cents, DateTime now)
    {
        var culture = MailTexts.Culture(cluster.Language);
        return OutboxMessage.Create(MessageKind.Invoice, cluster.Id, to.Email,
            MailTexts.Text(culture, "Mail.Invoice.Subject", cluster.Name, year, number),
            MailTexts.Text(culture, "Mail.Invoice.Body", to.FullName, memberName, cluster.Name, year, number,
                MailTexts.Date(culture, issuedOn), MailTexts.Euros(culture, cents), MailTexts.Date(culture, dueOn)),
            now);
    }

    public static OutboxMessage OverdueReminder(Sender cluster, Addressee to, string memberName, string number, DateOnly dueOn, long cents, DateTime now)
    {
        var culture = MailTexts.Culture(cluster.Language);
        return OutboxMessage.Create(MessageKind.OverdueReminder, cluster.Id, to.Email,
            MailTexts.Text(culture, "Mail.Overdue.Subject", cluster.Name, number),
            MailTexts.Text(culture, "Mail.Overdue.Body", to.FullName, memberName, cluster.Name, number,
                MailTexts.Euros(culture, cents), MailTexts.Date(culture, dueOn)),
            now);
    }
}
