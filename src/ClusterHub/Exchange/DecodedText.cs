using System.Text;

namespace ClusterHub.Exchange;

/// <summary>
/// An uploaded or local file as text, whatever the spreadsheet saved it as: the one way every import and
/// file read turns bytes into characters (see <see cref="EncodingScan"/> for the rule). The bytes are read
/// twice, once to decide the encoding and once per <see cref="OpenReader"/>, never held in memory whole:
/// a body that cannot seek (an HTTP request) is first copied to a temporary file, deleted on dispose.
/// </summary>
public sealed class DecodedText : IAsyncDisposable, IDisposable
{
    private const int BlockSize = 1 << 16;
    private readonly Stream bytes;
    private readonly bool ownsBytes;
    private readonly long start;

    private DecodedText(Stream bytes, bool ownsBytes, string file, Encoding encoding, long start)
    {
        (this.bytes, this.ownsBytes, File, Encoding, this.start) = (bytes, ownsBytes, file, encoding, start);
    }

    /// <summary>The file's name, as errors cite it.</summary>
    public string File { get; }

    public Encoding Encoding { get; }

    /// <summary>
    /// Decides the encoding of <paramref name="input"/>, or throws <see cref="MalformedFileException"/> naming the
    /// line of the first byte that fits no supported encoding. A seekable stream is read in place and stays the
    /// caller's; any other is copied (asynchronously, as Kestrel requires) to a temporary file.
    /// </summary>
    public static async Task<DecodedText> OpenAsync(Stream input, string file, CancellationToken ct)
    {
        var scan = new EncodingScan(file);
        var buffer = new byte[BlockSize];
        Stream seekable = input;
        var owns = !input.CanSeek;
        if (owns)
            seekable = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, BlockSize,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var startAt = owns ? 0 : input.Position;
        try
        {
            // The first block holds at least the byte-order mark's four bytes, or the whole of a shorter file.
            var read = await input.ReadAtLeastAsync(buffer, 4, throwOnEndOfStream: false, ct);
            while (read > 0)
            {
                scan.Feed(buffer.AsSpan(0, read));
                if (owns) await seekable.WriteAsync(buffer.AsMemory(0, read), ct);
                read = await input.ReadAsync(buffer, ct);
            }
            var encoding = scan.Decide();
            return new DecodedText(seekable, owns, file, encoding, startAt + scan.MarkLength);
        }
        catch
        {
            if (owns) await seekable.DisposeAsync();
            throw;
        }
    }

    /// <summary>A local file, for the command line's synchronous readers (networks, the demo's files).</summary>
    public static DecodedText OpenFile(string path, string file)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BlockSize, FileOptions.SequentialScan);
        try
        {
            var scan = new EncodingScan(file);
            var buffer = new byte[BlockSize];
            for (var read = stream.ReadAtLeast(buffer, 4, throwOnEndOfStream: false); read > 0; read = stream.Read(buffer))
                scan.Feed(buffer.AsSpan(0, read));
            return new DecodedText(stream, ownsBytes: true, file, scan.Decide(), scan.MarkLength);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A reader over the text from its first character (after any byte-order mark). Call it again to read the
    /// text again; one reader at a time. Disposing the reader leaves the bytes open.
    /// </summary>
    public TextReader OpenReader()
    {
        bytes.Seek(start, SeekOrigin.Begin);
        return new StreamReader(bytes, Encoding, detectEncodingFromByteOrderMarks: false, BlockSize, leaveOpen: true);
    }

    public void Dispose()
    {
        if (ownsBytes) bytes.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (ownsBytes) await bytes.DisposeAsync();
    }
}
