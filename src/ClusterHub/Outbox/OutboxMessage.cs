namespace ClusterHub.Outbox;

/// <summary>Where a message stands: waiting (first try or a retry), delivered, or given up on.</summary>
public enum MessageState { Pending, Sent, Failed }

/// <summary>What a message is about; the features that enqueue say it, the outbox page filters on it.</summary>
public enum MessageKind { Invoice, OverdueReminder, Invitation, RoleGranted, ProjectDecision, SurveyInvitation, SurveyReminder, ReviewAssignment, CallDeadline, FollowUpDue, FollowUpOverdue }

/// <summary>
/// One e-mail, written to the database in the same transaction as the change that causes it (an
/// invoice, an invitation) and delivered later by <see cref="OutboxDelivery"/>: a renewal that rolls
/// back sends nothing, and a mail server that is down loses nothing.
/// </summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }

    /// <summary>Plain text, already in the recipient's language.</summary>
    public required string Body { get; set; }

    /// <summary>The cluster the message speaks for; its managers see it. None: only the platform administrator does.</summary>
    public int? ClusterId { get; set; }
    public MessageKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    public MessageState State { get; set; }

    /// <summary>Delivery attempts begun, counted when a deliverer claims the message.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// When the message is next due. A deliverer claims a message by moving this forward by a lease
    /// (a conditional update), so no other deliverer sees it due while it is being sent.
    /// </summary>
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>A new pending message, due now.</summary>
    public static OutboxMessage Create(MessageKind kind, int? clusterId, string recipient, string subject, string body, DateTime now) => new()
    {
        Kind = kind, ClusterId = clusterId, Recipient = recipient.Trim(), Subject = subject, Body = body,
        CreatedAt = now, NextAttemptAt = now, State = MessageState.Pending,
    };
}
