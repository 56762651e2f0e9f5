using ClusterHub.Analytics.Projects;

namespace ClusterHub.Analytics.Tests.Projects;

/// <summary>Each conflict rule on its own, the collaboration window's edges, and the call-wide check against the per-pair one.</summary>
public class ConflictTests
{
    private static readonly ConflictOptions In2020 = new(ReferenceYear: 2020); // N = 3: 2017–2020

    /// <summary>Orano and CEA in a 2016 project and a 2018–2019 one; CEA and INSA in 2014; Framatome alone.</summary>
    private static CollaborationIndex Index() => CollaborationIndex.Build(
    [
        new("orano", "P-2016", 2016), new("cea", "P-2016", 2016),
        new("orano", "P-2018", 2018, 2019), new("cea", "P-2018", 2018, 2019),
        new("cea", "P-2014", 2014), new("insa", "P-2014", 2014),
        new("framatome", "P-solo", 2019),
    ]);

    [Fact]
    public void Own_organisation_in_the_consortium_is_a_conflict()
    {
        Assert.True(ConflictRules.OwnOrganisation("edf", ["orano", "edf"]));
        Assert.False(ConflictRules.OwnOrganisation("edf", ["orano", "cea"]));
        Assert.False(ConflictRules.OwnOrganisation(null, ["orano"])); // an independent expert has none
        var conflicts = ConflictRules.Check(0, new ConflictReviewer("edf"), 7, ["orano", "edf"], Competitors.None, Index(), In2020);
        Assert.Equal([new Conflict(0, 7, ConflictRule.OwnOrganisation, "edf")], conflicts);
    }

    [Fact]
    public void A_declared_competitor_is_a_conflict_whichever_side_declared_it()
    {
        var competitors = new Competitors([("edf", "engie")]);
        Assert.Equal(["engie"], ConflictRules.DeclaredCompetitors("edf", ["orano", "engie"], competitors));
        Assert.Equal(["edf"], ConflictRules.DeclaredCompetitors("engie", ["edf", "cea"], competitors));
        Assert.Empty(ConflictRules.DeclaredCompetitors("edf", ["orano", "cea"], competitors));
        var conflicts = ConflictRules.Check(2, new ConflictReviewer("engie"), 0, ["edf"], competitors, Index(), In2020);
        Assert.Equal([new Conflict(2, 0, ConflictRule.DeclaredCompetitor, "edf")], conflicts);
    }

    [Fact]
    public void A_reviewers_declaration_of_the_proposal_or_of_an_organisation_is_a_conflict()
    {
        var reviewer = new ConflictReviewer(null, DeclaredProposals: [3], DeclaredOrganisations: ["insa"]);
        Assert.Equal([null], ConflictRules.Declarations(reviewer, 3, ["orano"]));
        Assert.Equal(["insa"], ConflictRules.Declarations(reviewer, 4, ["orano", "insa"]));
        Assert.Empty(ConflictRules.Declarations(reviewer, 4, ["orano"]));
        Assert.Equal(
            [new Conflict(1, 3, ConflictRule.ReviewerDeclaration), new Conflict(1, 3, ConflictRule.ReviewerDeclaration, "insa")],
            ConflictRules.Check(1, reviewer, 3, ["insa", "orano"], Competitors.None, Index(), In2020));
    }

    [Fact]
    public void A_shared_project_in_the_window_is_a_conflict_with_its_most_recent_evidence()
    {
        var conflicts = ConflictRules.Check(0, new ConflictReviewer("orano"), 5, ["cea", "framatome"], Competitors.None, Index(), In2020);
        // Two shared projects in the window: the evidence is the later one, in its last shared year.
        Assert.Equal([new Conflict(0, 5, ConflictRule.SharedProject, "cea", "P-2018", 2019)], conflicts);
        Assert.Equal([("cea", "P-2018", 2019), ("cea", "P-2016", 2016)],
            ConflictRules.SharedProjects(Index(), "orano", ["cea"], new ConflictOptions(2020, Years: 4).Window));
    }

    [Theory]
    [InlineData(2017, 3, true)]   // 2014–2017 covers 2016
    [InlineData(2019, 3, true)]   // 2016–2019: the 2016 project, first year of the window
    [InlineData(2020, 3, true)]   // 2017–2020: the 2018–2019 project
    [InlineData(2023, 3, false)]  // 2020–2023: nothing since 2019
    [InlineData(2022, 3, true)]   // 2019–2022: 2019, the project's last year
    [InlineData(2015, 3, false)]  // 2012–2015: before they met
    [InlineData(2023, 4, true)]   // N configurable: 2019–2023
    [InlineData(2017, 0, false)]  // N = 0: only the reference year itself
    public void The_window_is_the_n_years_before_the_reference_year_and_that_year(int year, int n, bool conflicted)
    {
        var conflicts = ConflictRules.Check(0, new ConflictReviewer("orano"), 0, ["cea"], Competitors.None, Index(), new ConflictOptions(year, n));
        Assert.Equal(conflicted, conflicts.Any(c => c.Rule == ConflictRule.SharedProject));
    }

    [Fact]
    public void Partners_overlap_in_time_within_a_project_not_merely_share_it()
    {
        // A long project: orano there 2010–2011, edf joined in 2019. Both took part, never at the same time.
        var index = CollaborationIndex.Build([new("orano", "long", 2010, 2011), new("edf", "long", 2019, 2020)]);
        Assert.Empty(index.Shared(index.IdOf("orano"), index.IdOf("edf"), new YearWindow(2000, 2030)));
        Assert.Empty(index.Partners(index.IdOf("edf"), new YearWindow(2000, 2030)));
    }

    [Fact]
    public void A_repeated_participation_counts_once_over_the_union_of_its_years()
    {
        var index = CollaborationIndex.Build([new("a", "p", 2010), new("a", "p", 2015), new("b", "p", 2014)]);
        Assert.Equal((2, 1, 2), (index.OrganisationCount, index.ProjectCount, index.ParticipationCount));
        Assert.Equal([new SharedProject(index.IdOf("b"), 0, 2014)], index.Shared(index.IdOf("a"), index.IdOf("b"), new YearWindow(2014, 2020)));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CollaborationIndex.Build([new("a", "p", 2012, 2010)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConflictOptions(2020, Years: -1).Window);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairMask(2, 3)[2, 0]);
    }

    [Fact]
    public void Unknown_organisations_have_no_shared_projects_but_the_other_rules_still_apply()
    {
        var conflicts = ConflictRules.Check(0, new ConflictReviewer("newcomer"), 0, ["newcomer", "cea"], Competitors.None, Index(), In2020);
        Assert.Equal([ConflictRule.OwnOrganisation], conflicts.Select(c => c.Rule));
    }

    /// <summary>The call-wide check gives exactly what the per-pair check gives, pair by pair, on seeded random calls.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_call_check_equals_the_pair_check_on_every_pair(int seed)
    {
        var random = new Random(seed);
        string Org() => "o" + random.Next(60);
        var participations = Enumerable.Range(0, 400).Select(i =>
        {
            var first = random.Next(2008, 2022);
            return new Participation(Org(), "p" + random.Next(120), first, first + random.Next(4));
        }).ToList();
        var index = CollaborationIndex.Build(participations);
        var reviewers = Enumerable.Range(0, 25).Select(_ => new ConflictReviewer(
            random.Next(10) == 0 ? null : random.Next(8) == 0 ? "outsider" + random.Next(3) : Org(),
            random.Next(4) == 0 ? [random.Next(40)] : null,
            random.Next(4) == 0 ? [Org()] : null)).ToList();
        var consortia = Enumerable.Range(0, 40).Select(_ => (IReadOnlyList<string>)[.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(10) == 0 ? "outsider0" : Org())]).ToList();
        var competitors = new Competitors(Enumerable.Range(0, 30).Select(_ => (Org(), Org())));
        var options = new ConflictOptions(2019, Years: random.Next(1, 5));

        var report = ConflictRules.ForCall(reviewers, consortia, competitors, index, options);
        var expected = Enumerable.Range(0, reviewers.Count).SelectMany(r => Enumerable.Range(0, consortia.Count)
            .SelectMany(p => ConflictRules.Check(r, reviewers[r], p, consortia[p], competitors, index, options))).ToList();
        Assert.Equal(expected, report.Conflicts);
        Assert.Contains(expected, c => c.Rule == ConflictRule.SharedProject); // the seeds do exercise every rule
        Assert.Contains(expected, c => c.Rule == ConflictRule.DeclaredCompetitor);
        Assert.Contains(expected, c => c.Rule == ConflictRule.ReviewerDeclaration);
        for (var r = 0; r < reviewers.Count; r++)
            for (var p = 0; p < consortia.Count; p++)
                Assert.Equal(expected.Any(c => c.Reviewer == r && c.Proposal == p), report.Blocked[r, p]);
    }
}
