using ClusterHub.Projects;
using static ClusterHub.Projects.ProposalAction;
using static ClusterHub.Projects.ProposalState;

namespace ClusterHub.Tests.Projects;

/// <summary>
/// Every action from every state, against the pipeline as the issue states it, written out here independently of
/// <see cref="ProposalWorkflow.Moves"/>: a move added or lost in the table fails one of these cases.
/// </summary>
public sealed class WorkflowRulesTests
{
    private static readonly Dictionary<(ProposalState, ProposalAction), ProposalState> Expected = new()
    {
        [(Draft, Submit)] = Submitted,
        [(ReturnedForRevision, Submit)] = Submitted,
        [(Submitted, StartReview)] = UnderReview,
        [(UnderReview, Certify)] = Certified,
        [(UnderReview, Return)] = ReturnedForRevision,
        [(UnderReview, Reject)] = Rejected,
        [(Certified, SendToFunder)] = SubmittedToFunder,
        [(SubmittedToFunder, Fund)] = Funded,
        [(SubmittedToFunder, DeclineFunding)] = NotFunded,
        [(Funded, Start)] = Running,
        [(Running, Complete)] = Completed,
        [(Completed, ReachMarket)] = OnTheMarket,
    };

    public static TheoryData<ProposalState, ProposalAction> EveryPair()
    {
        var data = new TheoryData<ProposalState, ProposalAction>();
        foreach (var s in Enum.GetValues<ProposalState>())
            foreach (var a in Enum.GetValues<ProposalAction>()) data.Add(s, a);
        return data;
    }

    private static Proposal InState(ProposalState state) => new()
    {
        Title = "T", Acronym = "A", ClusterId = 1, CallId = 1, State = state, DurationMonths = 24,
        StateSince = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Call = new FundingCall { Title = "C", State = CallState.Open, OpensOn = new(2019, 1, 1), ClosesOn = new(2099, 1, 1) },
        Partners = [new ProposalPartner { Name = "P", Role = PartnerRole.Coordinator, Category = PartnerCategory.Sme, BudgetCents = 100, RequestedCents = 0 }],
    };

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void An_action_moves_a_proposal_only_along_the_pipeline(ProposalState from, ProposalAction action)
    {
        var proposal = InState(from);
        var at = new DateTime(2020, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var result = ProposalWorkflow.Apply(proposal, action, "because", "tester", at);
        if (Expected.TryGetValue((from, action), out var to))
        {
            Assert.Equal(TransitionOutcome.Done, result.Outcome);
            Assert.Equal(to, proposal.State);
            var change = Assert.Single(proposal.StateChanges);
            Assert.Equal((from, to, "tester", "because", at, 60), (change.From!.Value, change.To, change.Actor, change.Reason, change.At, change.DaysInPrevious!.Value));
        }
        else
        {
            Assert.Equal(TransitionOutcome.NotAllowed, result.Outcome);
            Assert.Equal(from, proposal.State);
            Assert.Empty(proposal.StateChanges);
        }
    }

    [Theory]
    [InlineData(Return)]
    [InlineData(Reject)]
    [InlineData(DeclineFunding)]
    public void A_negative_decision_needs_a_reason(ProposalAction action)
    {
        var proposal = InState(action == DeclineFunding ? SubmittedToFunder : UnderReview);
        var before = proposal.State;
        Assert.Equal(TransitionOutcome.ReasonRequired, ProposalWorkflow.Apply(proposal, action, "  ", "tester", DateTime.UtcNow).Outcome);
        Assert.Equal(before, proposal.State);
    }

    [Fact]
    public void Submitting_checks_the_call_and_sending_to_a_funder_needs_one()
    {
        var closed = InState(Draft);
        closed.Call!.State = CallState.Closed;
        var refused = ProposalWorkflow.Apply(closed, Submit, null, "t", new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(TransitionOutcome.NotEligible, refused.Outcome);
        Assert.Equal(Eligibility.CallOpen, refused.Failed![0].Rule);

        var late = InState(Draft);
        Assert.Equal(TransitionOutcome.NotEligible, ProposalWorkflow.Apply(late, Submit, null, "t", new DateTime(2099, 1, 2, 0, 0, 0, DateTimeKind.Utc)).Outcome);

        var noCall = InState(Certified);
        noCall.CallId = null;
        noCall.Call = null;
        Assert.Equal(TransitionOutcome.NoCall, ProposalWorkflow.Apply(noCall, SendToFunder, null, "t", DateTime.UtcNow).Outcome);
        var draftWithoutCall = InState(Draft);
        draftWithoutCall.CallId = null;
        draftWithoutCall.Call = null;
        Assert.Equal(TransitionOutcome.Done, ProposalWorkflow.Apply(draftWithoutCall, Submit, null, "t", DateTime.UtcNow).Outcome);
    }

    [Fact]
    public void A_funding_decision_records_the_grant_by_default_the_sum_requested()
    {
        var p = InState(SubmittedToFunder);
        p.Partners.Add(new ProposalPartner { Name = "Q", Role = PartnerRole.Partner, Category = PartnerCategory.Research, BudgetCents = 500, RequestedCents = 500 });
        ProposalWorkflow.Apply(p, Fund, null, "t", DateTime.UtcNow);
        Assert.Equal(500, p.GrantedCents);
        var q = InState(SubmittedToFunder);
        ProposalWorkflow.Apply(q, Fund, null, "t", DateTime.UtcNow, grantedCents: 7);
        Assert.Equal(7, q.GrantedCents);
    }

    [Fact]
    public void Eligibility_names_each_failed_rule_with_its_reason()
    {
        var call = new FundingCall
        {
            Title = "C", MinPartners = 3, RequiresSme = true, MaxDurationMonths = 36,
            FundingRates = [new CallFundingRate { Category = PartnerCategory.LargeCompany, MaxRatePercent = 30 }],
        };
        ProposalPartner P(string name, PartnerCategory c, PartnerRole r, long budget, long requested) =>
            new() { Name = name, Category = c, Role = r, BudgetCents = budget, RequestedCents = requested };
        var partners = new[]
        {
            P("Big", PartnerCategory.LargeCompany, PartnerRole.Coordinator, 100_00, 31_00), // 31 % > 30 %
            P("Lab", PartnerCategory.Research, PartnerRole.Partner, 100_00, 1_00),          // research not funded by this call
            P("Small", PartnerCategory.Sme, PartnerRole.Subcontractor, 100_00, 0),          // a subcontractor: neither a partner nor the SME
        };
        var failed = Eligibility.Check(call, 48, partners);
        Assert.Equal([Eligibility.MinPartners, Eligibility.Sme, Eligibility.MaxDuration, Eligibility.FundingRate, Eligibility.FundingRate], failed.Select(f => f.Rule));
        Assert.Contains("at least 3 partners; the consortium has 2", failed[0].Reason, StringComparison.Ordinal);
        Assert.Contains("at most 36 months; the proposal lasts 48", failed[2].Reason, StringComparison.Ordinal);
        Assert.Contains("Big: 31.00 EUR requested on a budget of 100.00 EUR is over the call's 30 %", failed[3].Reason, StringComparison.Ordinal);
        Assert.Contains("Lab: the call funds no Research partner", failed[4].Reason, StringComparison.Ordinal);

        partners[0].RequestedCents = 30_00; // exactly the rate is allowed
        partners[1].RequestedCents = 0;
        partners[2].Role = PartnerRole.Partner;
        Assert.Empty(Eligibility.Check(call, 36, partners));
    }
}
