using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Surveys;

/// <summary>
/// Nuclear Valley's 2019 stakeholder survey: its items follow the Cluster Initiative Performance Model's process and
/// performance factors. The survey and its sending are made through the feature's own operations (2–30 September
/// 2019, closed on 1 October); the responses are **illustrative**, drawn with a fixed seed, since the source paper
/// reports interviews, not a survey.
/// </summary>
internal static class SurveysDemo
{
    public const int Year = 2019;

    /// <summary>Key, English, French, Korean, and the illustrative mean the drawn answers centre on.</summary>
    private static readonly (string Key, string En, string Fr, string Ko, double Mean)[] Items =
    [
        ("cipm.initiation.policy_fit", "The cluster brought the state's pole policy and the local industry's own initiative together.",
            "Le pôle a su rapprocher la politique de l'État et l'initiative des industriels du territoire.", "클러스터는 국가의 거점 정책과 지역 산업계의 자발적 구상을 잘 결합했다.", 4.2),
        ("cipm.momentum.renaissance", "The cluster turned the sector's crisis and the nuclear renaissance into momentum for its members.",
            "Le pôle a fait de la crise du secteur et de la renaissance du nucléaire un élan pour ses adhérents.", "클러스터는 산업 위기와 원자력 르네상스를 회원사의 추진력으로 바꾸었다.", 3.9),
        ("cipm.framework.consensus", "The cluster's strategy is agreed by its members and revisited every year.",
            "La stratégie du pôle est partagée par ses adhérents et revue chaque année.", "클러스터의 전략은 회원들이 합의하며 매년 다시 검토된다.", 4.1),
        ("cipm.governance.flexibility", "The cluster's governance is open: members can take part in its decisions.",
            "La gouvernance du pôle est ouverte : les adhérents peuvent prendre part aux décisions.", "클러스터의 거버넌스는 개방적이어서 회원들이 의사결정에 참여할 수 있다.", 3.7),
        ("cipm.facilitator.effectiveness", "The cluster's team is effective at bringing members together.",
            "L'équipe du pôle sait rapprocher les adhérents.", "클러스터 사무국은 회원들을 효과적으로 연결한다.", 4.3),
        ("cipm.facilitator.independence", "The cluster's team acts independently of its largest members.",
            "L'équipe du pôle agit indépendamment de ses plus grands adhérents.", "클러스터 사무국은 대형 회원사로부터 독립적으로 활동한다.", 3.6),
        ("cipm.networking.beyond_region", "Through the cluster, my organisation works with members outside its own region.",
            "Grâce au pôle, mon organisation travaille avec des adhérents hors de sa région.", "클러스터를 통해 우리 조직은 다른 지역의 회원들과 협력한다.", 3.8),
        ("cipm.performance.competitiveness", "Membership has made my organisation more competitive.",
            "L'adhésion au pôle a rendu mon organisation plus compétitive.", "클러스터 가입으로 우리 조직의 경쟁력이 높아졌다.", 3.5),
    ];

    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        var sent = new DateTime(Year, 9, 2, 9, 0, 0, DateTimeKind.Utc);
        var (change, errors, survey) = await SurveyDesign.CreateAsync(db, seed.ClusterId, new SurveyInput(Year, "Stakeholder survey 2019", new DateOnly(Year, 9, 30), true,
            [.. Items.Select(i => new SurveyItemInput(i.Key, i.En, i.Fr, i.Ko))]), sent.AddDays(-7), ct);
        if (change != SurveyChange.Done) throw new InvalidOperationException($"demo survey: {change} {string.Join("; ", errors)}");
        var site = new Uri(SurveyCommands.DefaultSite);
        var sending = await SurveySending.SendAsync(db, seed.ClusterId, Year, site, sent, ct);
        await SurveySending.RemindAsync(db, seed.ClusterId, Year, site, sent.AddDays(14), ct);
        db.ChangeTracker.Clear();

        // Illustrative answers (seed 2019): about 60 % of the invited answer; each score centres on the item's mean,
        // companies a little lower than schools and research; a few "don't know" and blanks.
        var random = new Random(2019);
        var items = await db.SurveyItems.Where(i => i.SurveyId == survey!.Id).OrderBy(i => i.Position).ToListAsync(ct);
        var invitations = await db.SurveyInvitations.Where(i => i.SurveyId == survey!.Id).OrderBy(i => i.Id).ToListAsync(ct);
        var answered = 0;
        foreach (var invitation in invitations)
        {
            if (random.NextDouble() >= 0.6) continue;
            invitation.Answered = true;
            var shift = invitation.MemberType.Family() == MemberFamily.EducationResearch ? 0.3 : invitation.MemberType is MemberType.Sme or MemberType.MicroStartup ? -0.2 : 0;
            var response = new SurveyResponse { SurveyId = survey!.Id, ClusterId = seed.ClusterId, MemberType = invitation.MemberType };
            for (var k = 0; k < items.Count; k++)
            {
                var roll = random.NextDouble();
                if (roll < 0.03) continue; // left blank
                int? score = roll < 0.08 ? null : Math.Clamp((int)Math.Round(Items[k].Mean + shift + Normal(random) * 0.8), SurveyAnswers.MinScore, SurveyAnswers.MaxScore);
                response.Answers.Add(new SurveyAnswer { ItemId = items[k].Id, Score = score });
            }
            db.SurveyResponses.Add(response);
            answered++;
        }
        await db.SaveChangesAsync(ct);
        await SurveySending.CloseAsync(db, seed.ClusterId, Year, new DateTime(Year, 10, 1, 8, 0, 0, DateTimeKind.Utc), ct);
        seed.Log.WriteLine(FormattableString.Invariant($"surveys: stakeholder survey 2019, {items.Count} items, {sending.Invited} invited, {answered} illustrative responses, closed"));
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
