using ClusterHub.Members;
using Microsoft.AspNetCore.Http;

namespace ClusterHub.Exchange;

/// <summary>
/// A file sent through an import form on a page, run by the same operation the API and the CLI run; the answer is shown
/// with the shared partial <c>Exchange/_ImportReport</c>. No file is one located error, not an exception.
/// </summary>
public static class ImportUpload
{
    public static async Task<ImportReport> RunAsync(IFormFile? file, Func<Stream, string, FileFormat, Task<ImportReport>> import)
    {
        if (file is null || file.Length == 0)
            return new ImportReport("", 0, 0, 0, 0, [new LocatedError("", 0, "file", null, "no file was sent")], 1);
        await using var bytes = file.OpenReadStream();
        return await import(bytes, file.FileName, MemberFile.FormatOf(file.FileName));
    }
}
