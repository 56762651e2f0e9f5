using System.Globalization;

namespace ClusterHub.Projects;

/// <summary>A rule of a call that a proposal fails, with its reason in words (English: the API's language; pages translate the rule).</summary>
public sealed record FailedRule(string Rule, string Reason);

/// <summary>The one check of a proposal against its call's rules, for the API, the pages, the submission and the import.</summary>
public static class Eligibility
{
    public const string MinPartners = "minPartners", Sme = "sme", MaxDuration = "maxDuration", FundingRate = "fundingRate", CallOpen = "callOpen";

    /// <summary>
    /// Every rule of <paramref name="call"/> the proposal fails (none: eligible). Partners counted are the
    /// coordinator and partners; a subcontractor is not a partner of the consortium.
    /// </summary>
    public static IReadOnlyList<FailedRule> Check(FundingCall call, int durationMonths, IReadOnlyList<ProposalPartner> partners)
    {
        var failed = new List<FailedRule>();
        var members = partners.Where(p => p.Role != PartnerRole.Subcontractor).ToList();
        if (call.MinPartners is { } min && members.Count < min)
            failed.Add(new(MinPartners, F($"The call asks for at least {min} partners; the consortium has {members.Count} (subcontractors do not count).")));
        if (call.RequiresSme && !members.Any(p => p.Category == PartnerCategory.Sme))
            failed.Add(new(Sme, "The call asks for an SME among the partners; the consortium has none."));
        if (call.MaxDurationMonths is { } max && durationMonths > max)
            failed.Add(new(MaxDuration, F($"The call allows at most {max} months; the proposal lasts {durationMonths}.")));
        var rates = call.FundingRates.ToDictionary(r => r.Category, r => r.MaxRatePercent);
        foreach (var p in partners.Where(p => p.RequestedCents > 0))
        {
            if (!rates.TryGetValue(p.Category, out var rate))
                failed.Add(new(FundingRate, F($"{p.Name}: the call funds no {p.Category} partner, yet {Euros(p.RequestedCents)} EUR is requested.")));
            // requested / budget ≤ rate / 100, in integers: no rounding decides eligibility.
            else if (p.RequestedCents * 100 > p.BudgetCents * rate)
                failed.Add(new(FundingRate, F($"{p.Name}: {Euros(p.RequestedCents)} EUR requested on a budget of {Euros(p.BudgetCents)} EUR is over the call's {rate} % for a {p.Category} partner.")));
        }
        return failed;
    }

    /// <summary>The check at submission: the rules, and a call that takes proposals (open, and not yet closed on <paramref name="today"/>).</summary>
    public static IReadOnlyList<FailedRule> CheckForSubmission(FundingCall call, int durationMonths, IReadOnlyList<ProposalPartner> partners, DateOnly today)
    {
        var failed = Check(call, durationMonths, partners).ToList();
        if (call.State != CallState.Open || today > call.ClosesOn)
            failed.Insert(0, new(CallOpen, F($"The call '{call.Title}' closed on {call.ClosesOn:yyyy-MM-dd}.")));
        return failed;
    }

    private static string Euros(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
