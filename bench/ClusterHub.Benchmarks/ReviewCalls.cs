using ClusterHub.Analytics.Projects;
using ClusterHub.Networks;

namespace ClusterHub.Benchmarks;

/// <summary>
/// Seeded review calls for the conflict and assignment benchmarks: reviewers and consortia drawn from the H2020
/// participations (an organisation in many projects is drawn more often, as the active ones are the ones asked to
/// review and to join consortia), and weighted tags over the three strategic areas and 40 competences.
/// </summary>
public static class ReviewCalls
{
    /// <summary>Every dated H2020 participation (pic, rcn, start_year..end_year).</summary>
    public static List<Participation> H2020()
    {
        var file = Graphs.FindUp(Path.Combine("shared", "data", "cordis_h2020_eunets", "h2020_participations.csv"))
            ?? throw new InvalidOperationException("shared/data/cordis_h2020_eunets is not beside the repository");
        using var reader = new StreamReader(file);
        return [.. ParticipationFile.Read(reader, "h2020_participations.csv", "pic", "rcn", [], "start_year", "end_year").Dated()];
    }

    /// <summary>Reviewers (one in ten with a declared proposal) and consortia of 2 to 8 organisations, with 100 competitor pairs.</summary>
    public static (List<ConflictReviewer> Reviewers, List<IReadOnlyList<string>> Consortia, Competitors Competitors) Conflicts(
        List<Participation> participations, int reviewers, int proposals, int seed)
    {
        var random = new Random(seed);
        string Organisation() => participations[random.Next(participations.Count)].Organisation;
        var people = Enumerable.Range(0, reviewers)
            .Select(_ => new ConflictReviewer(Organisation(), random.Next(10) == 0 ? [random.Next(proposals)] : null)).ToList();
        var consortia = Enumerable.Range(0, proposals)
            .Select(_ => (IReadOnlyList<string>)[.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => Organisation())]).ToList();
        return (people, consortia, new Competitors(Enumerable.Range(0, 100).Select(_ => (Organisation(), Organisation()))));
    }

    /// <summary>
    /// Reviewers with 2 to 5 weighted tags, proposals with one or two strategic areas and 2 to 4 competences, and
    /// one pair in twenty blocked at random.
    /// </summary>
    public static (Expertise Expertise, PairMask Blocked) Assignment(int reviewers, int proposals, int seed)
    {
        var random = new Random(seed);
        string[] areas = ["area:eco-manufacturing", "area:high-performance-components", "area:dismantling"];
        WeightedTag Area() => new(areas[random.Next(areas.Length)], 0.5 + random.NextDouble() / 2);
        WeightedTag Competence() => new($"competence:{random.Next(40)}", 0.2 + 0.8 * random.NextDouble());
        var expertise = Expertise.Build(
            [.. Enumerable.Range(0, reviewers).Select(_ => (IReadOnlyList<WeightedTag>)[Area(), .. Enumerable.Range(0, random.Next(1, 5)).Select(_ => Competence())])],
            [.. Enumerable.Range(0, proposals).Select(_ => (IReadOnlyList<WeightedTag>)[.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Area()), .. Enumerable.Range(0, random.Next(2, 5)).Select(_ => Competence())])]);
        var blocked = new PairMask(reviewers, proposals);
        for (var r = 0; r < reviewers; r++)
            for (var p = 0; p < proposals; p++)
                if (random.Next(20) == 0) blocked.Set(r, p);
        return (expertise, blocked);
    }
}
