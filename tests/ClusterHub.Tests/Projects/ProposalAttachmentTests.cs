using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClusterHub.Projects;
using ClusterHub.Projects.Attachments;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Projects;

/// <summary>Attachments on a proposal: typed by content, capped, named safely, served as downloads, and read or changed only by whom the rules say.</summary>
public abstract class ProposalAttachmentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The first bytes of a Windows executable: "MZ", the DOS stub, NULs.</summary>
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[240]];

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(name == "mimetype" ? "application/vnd.oasis.opendocument.text" : "<xml/>");
            }
        return buffer.ToArray();
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, string url, byte[] bytes, string fileName, string declared = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declared);
        form.Add(file, "file", fileName);
        return client.PostAsync(url, form);
    }

    [Fact]
    public async Task A_file_is_typed_by_its_bytes_capped_named_safely_and_downloaded_as_an_attachment()
    {
        var c = await ProjectsCluster.CreateAsync(app, "attach");
        var id = await c.CreateProposalAsync();
        var url = $"{c.Api}/proposals/{id}/attachments";

        var created = await (await Upload(c.Manager, url, Pdf, "../../etc/pa:ss\u0001wd.pdf", "text/html")).Json(HttpStatusCode.Created);
        Assert.Equal(("pa_ss_wd.pdf", "application/pdf", Pdf.Length), (created.GetProperty("fileName").GetString(), created.GetProperty("contentType").GetString(), created.GetProperty("sizeBytes").GetInt32()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), created.GetProperty("sha256").GetString());

        var download = await c.Manager.GetAsync($"{url}/{created.GetProperty("id").GetInt32()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("pa_ss_wd.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        // An executable renamed .pdf and declared as a PDF, a plain zip, an empty file: refused by their bytes.
        Assert.Equal("TypeNotAllowed", (await (await Upload(c.Manager, url, Exe, "budget.pdf")).Problem(HttpStatusCode.UnsupportedMediaType)).GetProperty("outcome").GetString());
        await (await Upload(c.Manager, url, Zip("payload.exe"), "letter.docx")).Problem(HttpStatusCode.UnsupportedMediaType);
        await (await Upload(c.Manager, url, [], "empty.pdf")).Problem(HttpStatusCode.BadRequest);
        await (await c.Manager.PostJson(url, new { })).Problem(HttpStatusCode.BadRequest);

        // Office and OpenDocument containers by their parts, text by its content; a wrong extension gets the right one added.
        var docx = await (await Upload(c.Manager, url, Zip("[Content_Types].xml", "word/document.xml"), "letter.docx", "application/octet-stream")).Json(HttpStatusCode.Created);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.GetProperty("contentType").GetString());
        var odt = await (await Upload(c.Manager, url, Zip("mimetype", "content.xml"), "notes.zip")).Json(HttpStatusCode.Created);
        Assert.Equal(("notes.zip.odt", "application/vnd.oasis.opendocument.text"), (odt.GetProperty("fileName").GetString(), odt.GetProperty("contentType").GetString()));
        var text = await (await Upload(c.Manager, url, Encoding.UTF8.GetBytes("partner,budget\nSfarsteel,1000\n"), "budget.csv", "application/vnd.ms-excel")).Json(HttpStatusCode.Created);
        Assert.Equal("text/plain; charset=utf-8", text.GetProperty("contentType").GetString());
        var png = await (await Upload(c.Manager, url, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "diagram.jpg")).Json(HttpStatusCode.Created);
        Assert.Equal(("diagram.jpg.png", "image/png"), (png.GetProperty("fileName").GetString(), png.GetProperty("contentType").GetString()));

        // Over the 20 MB cap: 413 as ProblemDetails, and nothing stored.
        var big = new byte[20 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        Assert.Equal("TooLarge", (await (await Upload(c.Manager, url, big, "huge.pdf")).Problem(HttpStatusCode.RequestEntityTooLarge)).GetProperty("outcome").GetString());
        var list = await (await c.Manager.GetAsync(url)).Json(HttpStatusCode.OK);
        Assert.Equal(5, list.GetArrayLength());

        // The history has the addition with its name, size and hash as the reason, never the bytes.
        var records = await app.WithDb(async (db, _) => await db.ChangeRecords.Where(r => r.Entity == nameof(ProposalAttachment)).ToListAsync());
        Assert.Contains(records, r => r.Reason == $"attachment added: pa_ss_wd.pdf, {Pdf.Length} bytes, sha256 {created.GetProperty("sha256").GetString()}" && r.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(records, r => r.NewValue != null && r.NewValue.Contains("PDF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_coordinator_and_the_secretariat_add_reviewers_and_the_funder_read_and_nobody_else()
    {
        var c = await ProjectsCluster.CreateAsync(app, "attachaccess");
        var id = await c.CreateProposalAsync();
        var url = $"{c.Api}/proposals/{id}/attachments";
        var coordinator = await app.CreateClientAsync("MemberRepresentative", c.Slug, "Sfarsteel");
        var partner = await app.CreateClientAsync("MemberRepresentative", c.Slug, "PME Usinage");
        var assigned = await app.CreatePersonAsync("Reviewer", c.Slug);
        var unassigned = await app.CreateClientAsync("Reviewer", c.Slug);
        var funder = await app.CreatePersonAsync("Funder", c.Slug);
        await app.WithDb(async db =>
        {
            db.ReviewAssignments.Add(new ReviewAssignment { ProposalId = id, UserId = assigned.UserId, AssignedAt = DateTime.UtcNow });
            db.FunderUsers.Add(new FunderUser { FunderId = c.FunderId, UserId = funder.UserId });
            await db.SaveChangesAsync();
        });

        var mine = await (await Upload(coordinator, url, Pdf, "consortium-agreement.pdf")).Json(HttpStatusCode.Created);
        var mineUrl = $"{url}/{mine.GetProperty("id").GetInt32()}";
        Assert.Equal(1, (await (await coordinator.GetAsync(url)).Json(HttpStatusCode.OK)).GetArrayLength());
        await (await assigned.Api.GetAsync(mineUrl)).Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, (await assigned.Api.GetAsync(mineUrl)).StatusCode);

        // Refusals: a partner that is not the coordinator sees the proposal but not its files; a reviewer not assigned and a
        // funder it was not sent to do not see it at all; an observer holds no right; another cluster's manager finds nothing.
        await (await partner.GetAsync(url)).Problem(HttpStatusCode.Forbidden);
        await (await Upload(partner, url, Pdf, "x.pdf")).Problem(HttpStatusCode.Forbidden);
        await (await unassigned.GetAsync(mineUrl)).Problem(HttpStatusCode.NotFound);
        await (await Upload(assigned.Api, url, Pdf, "x.pdf")).Problem(HttpStatusCode.Forbidden);
        await (await funder.Api.GetAsync(url)).Problem(HttpStatusCode.NotFound);
        await (await (await app.CreateClientAsync("Observer", c.Slug)).GetAsync(url)).Problem(HttpStatusCode.Forbidden);
        var other = await ProjectsCluster.CreateAsync(app, "attachaccess-other");
        await (await other.Manager.GetAsync(mineUrl)).Problem(HttpStatusCode.NotFound);
        await (await other.Manager.GetAsync($"{other.Api}/proposals/{id}/attachments")).Problem(HttpStatusCode.NotFound);

        // After submission the coordinator no longer removes a file; the secretariat does. The funder reads once it was sent.
        var draft = await (await Upload(coordinator, url, Pdf, "draft.pdf")).Json(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"{url}/{draft.GetProperty("id").GetInt32()}")).StatusCode);
        await (await c.MoveAsync(id, "submit")).Json(HttpStatusCode.OK);
        await (await coordinator.DeleteAsync(mineUrl)).Problem(HttpStatusCode.Conflict);
        foreach (var move in new[] { "start-review", "certify", "send-to-funder" }) await (await c.MoveAsync(id, move)).Json(HttpStatusCode.OK);
        Assert.Equal(1, (await (await funder.Api.GetAsync(url)).Json(HttpStatusCode.OK)).GetArrayLength());
        await (await Upload(funder.Api, url, Pdf, "x.pdf")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await c.Manager.DeleteAsync(mineUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.Manager.DeleteAsync(mineUrl)).StatusCode); // gone already: the same end
        Assert.Equal(0, (await (await c.Manager.GetAsync(url)).Json(HttpStatusCode.OK)).GetArrayLength());
        var removed = await app.WithDb(async (db, _) => await db.ChangeRecords.Where(r => r.Entity == nameof(ProposalAttachment) && r.Kind == ClusterHub.History.ChangeKind.Deleted).Select(r => r.Reason).ToListAsync());
        Assert.Contains($"attachment removed: consortium-agreement.pdf, {Pdf.Length} bytes, sha256 {mine.GetProperty("sha256").GetString()}", removed);
    }
}

public sealed class ProposalAttachmentsOnSqlite(SqliteApplication app) : ProposalAttachmentTests<SqliteApplication>(app);
public sealed class ProposalAttachmentsOnPostgres(PostgresApplication app) : ProposalAttachmentTests<PostgresApplication>(app);
