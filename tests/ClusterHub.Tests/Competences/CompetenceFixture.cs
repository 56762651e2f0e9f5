using System.Net;
using ClusterHub.Clusters;
using ClusterHub.Strategy;

namespace ClusterHub.Tests.Competences;

/// <summary>
/// A cluster with strategic areas A1–A3, a head office in Bourgogne-Franche-Comté (27), and members in and out of it,
/// made through the API as the secretariat would, for the competence tests.
/// </summary>
public sealed record CompetenceCluster(string Slug, int ClusterId, HttpClient Manager, IReadOnlyDictionary<string, int> Members)
{
    public string Api => $"/api/v1/clusters/{Slug}";

    public static async Task<CompetenceCluster> CreateAsync(ClusterHubApplication app, string prefix)
    {
        var c = await app.CreateClusterAsync(prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        await app.WithDb(async db =>
        {
            var order = 0;
            foreach (var code in new[] { "A1", "A2", "A3" })
                db.Set<StrategicArea>().Add(new StrategicArea { ClusterId = c.Id, Code = code, Name = "Area " + code, Order = ++order });
            db.Set<ClusterOffice>().Add(new ClusterOffice { ClusterId = c.Id, Kind = OfficeKind.HeadOffice, City = "Chalon-sur-Saône", Region = "27" });
            db.Set<ClusterOffice>().Add(new ClusterOffice { ClusterId = c.Id, Kind = OfficeKind.PartnerAssociation, City = "Lille", Region = "32" });
            await db.SaveChangesAsync();
        });
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        const string members = """
            name,type,headcount,departement,city,joined_on,status,status_since
            Sfarsteel,LargeCompany,300,71,Le Creusot,2005-07-12,Active,
            Forges Lyonnaises,Sme,40,69,Lyon,2010-01-01,Active,
            Soudure du Nord,Sme,30,59,Lille,2010-01-01,Active,
            Valinox,Sme,45,71,Montbard,2010-01-01,Active,
            Partie Tôt,Sme,20,71,Dijon,2010-01-01,Left,2015-01-01
            """;
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", members, "text/csv")).Json(HttpStatusCode.OK);
        var ids = await app.WithDb<Dictionary<string, int>>((db, _) =>
            Task.FromResult(db.Members.Where(m => m.ClusterId == c.Id).ToDictionary(m => m.Name, m => m.Id)));
        return new(c.Slug, c.Id, manager, ids);
    }
}
