using System.Globalization;
using ClusterHub.Web;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Governance;

/// <summary>One sentence of the hub's position, in the reader's language, with the figures it was built from.</summary>
public sealed record SummarySentence(string Key, string Text, IReadOnlyDictionary<string, double> Figures);

/// <summary>
/// The hub's position in words, each sentence a resource (<c>Governance.Summary.*</c>) filled with figures the engine
/// computed: nothing in it is written by hand, so a network where the hub is not the only coordinator says so.
/// </summary>
public static class GovernanceSummary
{
    public static IReadOnlyList<SummarySentence> Sentences(GovernanceAnalysis analysis, IStringLocalizer l)
    {
        var c = CultureInfo.CurrentCulture;
        string Level(ActorLevel level) => l[$"Governance.LevelInText.{level}"];
        string F(string key, params object[] args) => string.Format(c, l[key].Value, args);
        var sentences = new List<SummarySentence>();
        if (analysis.Hub is not { } hub)
        {
            sentences.Add(new("NoHub", l["Governance.Summary.NoHub"], new Dictionary<string, double>()));
            return sentences;
        }
        var h = hub.Hub;
        if (hub.SoleCoordinator.Count > 0)
            sentences.Add(new("Sole", F("Governance.Summary.Sole", h.Label,
                    string.Join(l["Governance.Summary.And"].Value, hub.SoleCoordinator.Select(p => F("Governance.Summary.Pair", Level(p.First), Level(p.Second))))),
                new Dictionary<string, double> { ["pairs"] = hub.SoleCoordinator.Count }));
        else sentences.Add(new("NotSole", F("Governance.Summary.NotSole", h.Label), new Dictionary<string, double>()));
        sentences.Add(new("Position", F("Governance.Summary.Position", h.Label, h.Degree, hub.LevelsBridged.Count, h.Betweenness, h.Constraint ?? double.NaN,
                h.EffectiveSize ?? double.NaN, h.Redundancy ?? double.NaN),
            new Dictionary<string, double> { ["degree"] = h.Degree, ["levels"] = hub.LevelsBridged.Count, ["betweenness"] = h.Betweenness,
                ["constraint"] = h.Constraint ?? double.NaN, ["effectiveSize"] = h.EffectiveSize ?? double.NaN, ["redundancy"] = h.Redundancy ?? double.NaN }));
        var s = analysis.Strengths;
        if (s.Ties > 0)
            sentences.Add(new("Strengths", F("Governance.Summary.Strengths", s.MediumShare!.Value, s.WeakShare!.Value, s.StrongShare!.Value, s.Ties),
                new Dictionary<string, double> { ["ties"] = s.Ties, ["weak"] = s.Weak, ["medium"] = s.Medium, ["strong"] = s.Strong }));
        return sentences;
    }
}
