using ClusterHub.Data;
using ClusterHub.Demo;

namespace ClusterHub.Assessment;

/// <summary>
/// Nuclear Valley's judgement items, 2016–2019, with the source paper's evidence. The texts restate the paper; the 1–5
/// values are illustrative (the paper scores nothing), and so says each text.
/// </summary>
internal static class AssessmentDemo
{
    public const string Author = "analyst (demo)";

    private static readonly (string Instrument, string Item, double Value, string Evidence)[] Items =
    [
        (Instruments.Cipm, "process.initiation", 5, "The state's top-down competitiveness-pole policy (the CIADT's selection of July 2005: 67 poles out of 105 applications, after DATAR's three-stage review) met a bottom-up forum of nine founding members: Areva, Sfarsteel, EDF, UIMM, Valinox Nuclear, CEA, ENSAM Cluny, the Université de Bourgogne and the IUTs of Chalon-sur-Saône and Le Creusot. (Source paper; the value is illustrative.)"),
        (Instruments.Cipm, "process.momentum", 5, "A crisis turned into an opportunity: decades without new build had left the supply chain short-sighted in its R&D; the founders used the nuclear renaissance to renew it, as the sector did again when it founded GIFEN in 2018 despite the Fessenheim shutdown. (Source paper; the value is illustrative.)"),
        (Instruments.Cipm, "setting.policy", 5, "Both: the state's balanced regional development and competitiveness-pole policy, and the regions' own cluster policies (Burgundy, then Bourgogne-Franche-Comté and Auvergne-Rhône-Alpes). (Source paper; the value is illustrative.)"),
        (Instruments.Cipm, "setting.factor_conditions", 4, "An existing industry and supply chain around Chalon-sur-Saône and Le Creusot; engineering schools and IUTs nearby; transport, housing and land costs that favour the region. (Source paper; the value is illustrative.)"),
        (Instruments.Cipm, "objectives.policy_action", 4, "Founding member of GIFEN, which executes the CSFN's sector contract on skills, digitalisation, innovation and internationalisation. (Source paper; the value is illustrative.)"),
        (Instruments.Excellence, "governance.bodies", 4, "A board, a bureau (president, vice-president, general delegate) that resets the goals every August, a strategic scientific council and thematic committees that certify projects. (Source paper; the value is illustrative.)"),
        (Instruments.Excellence, "achievements.recognition", 4, "Pôle de compétitivité since 2005 and labelled again for phase V (2023–2026); the only certified nuclear pole. (Source paper; the value is illustrative.)"),
    ];

    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        var assessments = seed.Get<Assessments>();
        foreach (var year in Enumerable.Range(2016, 4))
            foreach (var (instrument, item, value, evidence) in Items)
            {
                var (outcome, errors) = await assessments.JudgeAsync(db, seed.ClusterId, year, instrument, item, new JudgementInput(value, evidence), Author, ct);
                if (outcome != JudgeOutcome.Done) throw new InvalidOperationException($"demo judgement {instrument}/{item}: {outcome} {errors.FirstOrDefault()?.Reason}");
            }
        seed.Log.WriteLine("assessment: judgement items 2016-2019 (illustrative values) for the performance model and the excellence benchmark");
    }
}
