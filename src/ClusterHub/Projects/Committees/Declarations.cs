using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

public sealed record ConflictDeclarationInput(int? ProposalId, int? MemberId, string? Reason);
public sealed record CompetitorInput(int? MemberId, int? CompetitorMemberId);
public sealed record DeclarationDto(int Id, int? ProposalId, int? MemberId, string Reason, DateTime DeclaredAt);
public sealed record CompetitorDto(int Id, int MemberId, string Member, int CompetitorMemberId, string Competitor, string DeclaredBy);
public sealed record DeclarationsDto(int? Organisation, IReadOnlyList<DeclarationDto> Conflicts, IReadOnlyList<CompetitorDto> Competitors);

/// <summary>What reviewers declare: their conflicts (a proposal, an organisation) and their organisation's competitors.</summary>
public static class Declarations
{
    public static async Task<List<FieldError>> DeclareConflictAsync(ClusterDb db, int clusterId, string userId, ConflictDeclarationInput input, DateTime now, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.ProposalId is null == input.MemberId is null) errors.Add(new("proposalId", null, "name either a proposal or an organisation (memberId)"));
        if (input.ProposalId is { } p && !await db.Proposals.AnyAsync(x => x.Id == p && x.ClusterId == clusterId, ct)) errors.Add(new("proposalId", p.ToString(CultureInfo.InvariantCulture), "is not a proposal of this cluster"));
        if (input.MemberId is { } m && !await db.Members.AnyAsync(x => x.Id == m && x.ClusterId == clusterId, ct)) errors.Add(new("memberId", m.ToString(CultureInfo.InvariantCulture), "is not a member of this cluster"));
        var reason = InputText.Blank(input.Reason);
        if (reason is null) errors.Add(new("reason", input.Reason, "is required"));
        else if (InputText.CheckLines(reason, ProjectLimits.Reason) is { } why) errors.Add(new("reason", InputText.Echo(reason), why));
        if (errors.Count > 0) return errors;
        db.ConflictDeclarations.Add(new ConflictDeclaration { ClusterId = clusterId, UserId = userId, ProposalId = input.ProposalId, MemberId = input.MemberId, Reason = reason!, DeclaredAt = now });
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>
    /// Declares two members competitors. A reviewer declares for its own organisation (its committee seat's; the secretariat for any
    /// member). Declaring a pair again changes nothing.
    /// </summary>
    public static async Task<List<FieldError>> DeclareCompetitorAsync(ClusterDb db, int clusterId, string userId, bool secretariat, CompetitorInput input, string actor, DateTime now, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var own = (await ReviewConflicts.OrganisationsAsync(db, clusterId, [userId], ct)).TryGetValue(userId, out var o) ? o : (int?)null;
        var member = input.MemberId ?? own;
        if (member is null) errors.Add(new("memberId", null, "is required: you sit on no committee for an organisation"));
        else if (!secretariat && member != own) errors.Add(new("memberId", member.Value.ToString(CultureInfo.InvariantCulture), "a reviewer declares the competitors of its own organisation"));
        else if (!await db.Members.AnyAsync(x => x.Id == member && x.ClusterId == clusterId, ct)) errors.Add(new("memberId", member.Value.ToString(CultureInfo.InvariantCulture), "is not a member of this cluster"));
        if (input.CompetitorMemberId is not { } competitor || !await db.Members.AnyAsync(x => x.Id == competitor && x.ClusterId == clusterId, ct))
            errors.Add(new("competitorMemberId", input.CompetitorMemberId?.ToString(CultureInfo.InvariantCulture), "is not a member of this cluster"));
        else if (competitor == member) errors.Add(new("competitorMemberId", competitor.ToString(CultureInfo.InvariantCulture), "is the organisation itself"));
        if (errors.Count > 0) return errors;
        if (await db.CompetitorDeclarations.AnyAsync(d => d.ClusterId == clusterId && d.MemberId == member && d.CompetitorMemberId == input.CompetitorMemberId, ct)) return errors;
        db.CompetitorDeclarations.Add(new CompetitorDeclaration { ClusterId = clusterId, MemberId = member!.Value, CompetitorMemberId = input.CompetitorMemberId!.Value, DeclaredBy = actor, DeclaredAt = now });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { db.ChangeTracker.Clear(); }
        return errors;
    }

    public static async Task<DeclarationsDto> MineAsync(ClusterDb db, int clusterId, string userId, CancellationToken ct)
    {
        var own = (await ReviewConflicts.OrganisationsAsync(db, clusterId, [userId], ct)).TryGetValue(userId, out var o) ? o : (int?)null;
        var conflicts = await db.ConflictDeclarations.AsNoTracking().Where(d => d.ClusterId == clusterId && d.UserId == userId).OrderBy(d => d.Id)
            .Select(d => new DeclarationDto(d.Id, d.ProposalId, d.MemberId, d.Reason, d.DeclaredAt)).ToListAsync(ct);
        var competitors = await db.CompetitorDeclarations.AsNoTracking().Where(d => d.ClusterId == clusterId && (d.MemberId == own || d.CompetitorMemberId == own)).OrderBy(d => d.Id)
            .Select(d => new CompetitorDto(d.Id, d.MemberId, db.Members.Where(m => m.Id == d.MemberId).Select(m => m.Name).First(), d.CompetitorMemberId,
                db.Members.Where(m => m.Id == d.CompetitorMemberId).Select(m => m.Name).First(), d.DeclaredBy)).ToListAsync(ct);
        return new DeclarationsDto(own, conflicts, competitors);
    }
}

/// <summary>
/// The import of participation data the conflict rules read beside the platform's own projects: <c>project_id, organisation_id,
/// start_year, end_year</c> (the columns of <c>export participations</c> with a span; <c>year</c> is taken for a one-year row),
/// CSV or xlsx through <see cref="ImportTable"/>: every row checked, one transaction, located errors. A file replaces the rows
/// imported before under the same file name.
/// </summary>
public static class ParticipationImport
{
    public static readonly string[] Columns = ["project_id", "organisation_id", "start_year", "end_year", "year", "role"];
    public static readonly string[] Required = ["project_id", "organisation_id"];

    public static Task<ImportReport> ImportAsync(ClusterDb db, int clusterId, Stream bytes, string fileName, CancellationToken ct) =>
        ImportTable.ImportAsync(db, bytes, fileName, MemberFile.FormatOf(fileName), Columns, Required, "participations",
            (file, rows, errors) => RowsAsync(db, clusterId, file, rows, errors, ct), ct);

    private static async Task<(int Created, int Updated)> RowsAsync(ClusterDb db, int clusterId, string file, ImportTableRows rows, LocatedErrors errors, CancellationToken ct)
    {
        var source = file.Length > ProjectLimits.Name ? file[..ProjectLimits.Name] : file;
        var staged = new List<ImportedParticipation>();
        foreach (var (row, cells) in rows)
        {
            var before = errors.Total;
            string? Key(string column)
            {
                var v = cells[column];
                if (v is null) { errors.Add(new(file, row, column, null, "is required")); return null; }
                if (InputText.Check(v, CommitteeLimits.Key) is { } reason) { errors.Add(new(file, row, column, InputText.Echo(v), reason)); return null; }
                return v;
            }
            int? Year(string column)
            {
                if (cells[column] is not { } v) return null;
                if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && Years.Validate(y, column) is null) return y;
                errors.Add(new(file, row, column, InputText.Echo(v), $"must be a year from {Years.Min} to {Years.Max}"));
                return null;
            }
            var project = Key("project_id");
            var organisation = Key("organisation_id");
            var first = Year("start_year") ?? Year("year");
            var last = Year("end_year") ?? first;
            if (errors.Total > before) continue;
            if (first is null) { errors.Add(new(file, row, "start_year", null, "is required (or year)")); continue; }
            if (last < first) { errors.Add(new(file, row, "end_year", last!.Value.ToString(CultureInfo.InvariantCulture), "is before start_year")); continue; }
            staged.Add(new ImportedParticipation { ClusterId = clusterId, Organisation = organisation!, Project = project!, FirstYear = first.Value, LastYear = last!.Value, Source = source });
        }
        if (errors.Total > 0) return (0, 0);
        await db.ImportedParticipations.Where(p => p.ClusterId == clusterId && p.Source == source).ExecuteDeleteAsync(ct);
        db.ImportedParticipations.AddRange(staged);
        return (staged.Count, 0);
    }
}
