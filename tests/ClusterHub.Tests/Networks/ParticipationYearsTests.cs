using ClusterHub.Analytics.Projects;
using ClusterHub.Exchange;
using ClusterHub.Networks;

namespace ClusterHub.Tests.Networks;

/// <summary>Participations read with their years, for the conflict-of-interest rules, on a small file and on the EU's H2020 participations.</summary>
public sealed class ParticipationYearsTests
{
    private static Participations Read(string text) =>
        ParticipationFile.Read(new StringReader(text), "participations.csv", "organisation", "project", [], "start", "end");

    [Fact]
    public void Years_are_read_beside_each_row_an_unknown_last_year_is_the_first_and_an_undated_row_is_left_out()
    {
        var read = Read("""
            project;organisation;start;end
            p1;orano;2016;2018
            p1;cea;2017;
            p1;insa;NA;NA
            p1;edf;2016;NA
            """);
        Assert.Equal([(2016, 2018), (2017, 2017), null, (2016, 2016)], read.Years);
        Assert.Equal(["orano", "cea", "edf"], read.Dated().Select(p => p.Organisation));
        var index = read.Collaborations();
        Assert.Equal([new SharedProject(index.IdOf("cea"), 0, 2017)], index.Shared(index.IdOf("orano"), index.IdOf("cea"), YearWindow.Before(2020, 3)));
    }

    [Theory]
    [InlineData("p1;orano;20x6;2018", "3", "20x6", "a year is a whole number from 1950 to 2100")]
    [InlineData("p1;orano;1900;2018", "3", "1900", "a year is a whole number from 1950 to 2100")]
    [InlineData("p1;orano;2018;-2019", "4", "-2019", "a year is a whole number from 1950 to 2100")]
    [InlineData("p1;orano;2018;2016", "4", "2016", "the last year is before the first (2018)")]
    public void A_bad_year_refuses_the_file_with_its_line_column_and_value(string row, string column, string? value, string reason)
    {
        var e = Assert.Throws<MalformedFileException>(() => Read("project;organisation;start;end\np0;edf;2015;2015\n" + row + "\n"));
        Assert.Equal(new LocatedError("participations.csv", 3, column, value, reason), e.Error);
    }

    [Fact]
    public void Participations_without_a_year_column_have_no_collaboration_index()
    {
        var read = ParticipationFile.Read(new StringReader("project,organisation\np1,orano\n"), "p.csv", "organisation", "project", []);
        Assert.Null(read.Years);
        Assert.Throws<InvalidOperationException>(() => read.Collaborations());
    }

    /// <summary>
    /// A conflict found only in imported participation data: the platform's own projects never put the reviewer's
    /// organisation (PIC 998616262) with the consortium's (PIC 984516342), but H2020 project 221856 (2019–2022) did. The
    /// file is the shared copy of CORDIS beside the repository (shared/data/cordis_h2020_eunets, see its SOURCE.md).
    /// </summary>
    [Fact]
    public void A_conflict_is_found_only_in_the_imported_H2020_participations()
    {
        var file = FindUp(Path.Combine("shared", "data", "cordis_h2020_eunets", "h2020_participations.csv"));
        Assert.True(file is not null, "shared/data/cordis_h2020_eunets/h2020_participations.csv is not beside the repository");
        Participations h2020;
        using (var reader = new StreamReader(file))
            h2020 = ParticipationFile.Read(reader, "h2020_participations.csv", "pic", "rcn", [], "start_year", "end_year");
        Assert.Equal(144_726, h2020.Pairs.Count);
        Assert.Equal(7, h2020.Years!.Count(y => y is null)); // start_year NA

        // The platform's own projects: both organisations worked with the same member, never with each other (not a conflict).
        Participation[] platform = [new("998616262", "NV-2019-01", 2019), new("member:areva", "NV-2019-01", 2019),
            new("984516342", "NV-2020-07", 2020), new("member:areva", "NV-2020-07", 2020)];
        var reviewer = new ConflictReviewer("998616262");
        IReadOnlyList<string> consortium = ["984516342", "member:areva-partner"];
        var options = new ConflictOptions(ReferenceYear: 2020);

        var own = CollaborationIndex.Build(platform);
        Assert.Empty(ConflictRules.Check(0, reviewer, 0, consortium, Competitors.None, own, options));

        var both = CollaborationIndex.Build(platform.Concat(h2020.Dated()));
        Assert.Equal(h2020.Collaborations().ParticipationCount + platform.Length, both.ParticipationCount);
        var conflict = Assert.Single(ConflictRules.Check(0, reviewer, 0, consortium, Competitors.None, both, options));
        Assert.Equal(new Conflict(0, 0, ConflictRule.SharedProject, "984516342", "221856", 2020), conflict);
        // Before the project started, the same pair is free: 2015–2018 ends before 2019.
        Assert.Empty(ConflictRules.Check(0, reviewer, 0, consortium, Competitors.None, both, new ConflictOptions(ReferenceYear: 2018)));
        // The call-wide check finds it too.
        Assert.Equal([conflict], ConflictRules.ForCall([reviewer], [consortium], Competitors.None, both, options).Conflicts);
    }

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Path.Combine(dir.FullName, relative) is var candidate && File.Exists(candidate)) return candidate;
        return null;
    }
}
