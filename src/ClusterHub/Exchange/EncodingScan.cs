using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ClusterHub.Exchange;

/// <summary>
/// Decides a file's encoding from its bytes, fed block by block: the byte-order mark if there is one
/// (UTF-8, UTF-16 LE, UTF-16 BE); else UTF-8 if every byte of the file is valid UTF-8; else Windows-1252,
/// French Excel's default "CSV" encoding. A file that fits none of these (invalid UTF-8 after a UTF-8 mark,
/// an unpaired UTF-16 surrogate, or one of the five bytes Windows-1252 leaves undefined) is refused with the
/// line and column of the first offending byte, never decoded to U+FFFD.
/// </summary>
/// <remarks>
/// The whole file is scanned before a character is decoded, because one byte near the end can change the
/// encoding of everything before it ("Soci\xE9t\xE9" on line 90,000 makes a file Windows-1252). Sniffing a first
/// block would guess wrong there, and a strict decoder that falls back when it fails would have handed
/// mis-decoded rows to the reader already. The scan is vectorised and costs a small fraction of parsing.
/// </remarks>
internal sealed class EncodingScan
{
    private static readonly SearchValues<byte> UndefinedIn1252 = SearchValues.Create([0x81, 0x8D, 0x8F, 0x90, 0x9D]);

    private enum Mark { None, Utf8, Utf16LE, Utf16BE }

    private readonly string file;
    private Mark mark;
    private bool started;
    private long lines; // line feeds before the current block
    private long lineStart; // offset of the first byte of the current line
    private long offset; // offset of the current block

    private bool utf8Valid = true;
    private readonly byte[] utf8Tail = new byte[4];
    private int utf8TailLength;
    private char[] scratch = [];
    private LocatedError? utf8Error;
    private LocatedError? undefined1252;

    private int utf16Odd = -1; // a lone byte left over from the previous block
    private int highSurrogate = -1;
    private LocatedError? utf16Error;

    public EncodingScan(string file) => this.file = file;

    /// <summary>The byte-order mark's length: where the text starts.</summary>
    public int MarkLength => mark switch { Mark.Utf8 => 3, Mark.Utf16LE or Mark.Utf16BE => 2, _ => 0 };

    /// <summary>Feeds the next block; the first one must hold the first four bytes of the file (or all of a shorter file).</summary>
    public void Feed(ReadOnlySpan<byte> block)
    {
        if (!started)
        {
            started = true;
            mark = block switch
            {
                [0xEF, 0xBB, 0xBF, ..] => Mark.Utf8,
                [0xFF, 0xFE, ..] => Mark.Utf16LE,
                [0xFE, 0xFF, ..] => Mark.Utf16BE,
                _ => Mark.None,
            };
            offset = lineStart = MarkLength;
            block = block[MarkLength..];
        }
        if (mark is Mark.Utf16LE or Mark.Utf16BE) ScanUtf16(block);
        else
        {
            if (utf8Valid) ScanUtf8(block, final: false);
            if (mark == Mark.None && undefined1252 is null && block.IndexOfAny(UndefinedIn1252) is var u and >= 0)
                undefined1252 = At(block, u, $"0x{block[u]:X2}", $"byte 0x{block[u]:X2} is not a character in UTF-8 nor in Windows-1252: save the file as UTF-8");
            CountLines(block);
        }
        offset += block.Length;
    }

    /// <summary>The encoding to read the text with (strict: it throws rather than invent a character).</summary>
    public Encoding Decide()
    {
        if (mark is Mark.Utf16LE or Mark.Utf16BE)
        {
            if (utf16Odd >= 0 || highSurrogate >= 0) utf16Error ??= new LocatedError(file, (int)lines + 1, 1, null, "the UTF-16 text ends in the middle of a character");
            if (utf16Error is not null) throw new MalformedFileException(utf16Error);
            return new UnicodeEncoding(bigEndian: mark == Mark.Utf16BE, byteOrderMark: false, throwOnInvalidBytes: true);
        }
        if (utf8Valid) ScanUtf8([], final: true);
        if (mark == Mark.Utf8)
        {
            if (utf8Error is not null) throw new MalformedFileException(utf8Error);
            return StrictUtf8;
        }
        if (utf8Valid) return StrictUtf8;
        if (undefined1252 is not null) throw new MalformedFileException(undefined1252);
        return Windows1252;
    }

    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252 from the code-page provider (not in .NET's default set), asked for directly rather than registered process-wide.</summary>
    public static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    private void ScanUtf8(ReadOnlySpan<byte> block, bool final)
    {
        // A sequence cut by the previous block's end is completed with this block's first bytes.
        var start = 0;
        while (utf8TailLength > 0 && start < block.Length)
        {
            utf8Tail[utf8TailLength++] = block[start];
            var status = Utf8.ToUtf16(utf8Tail.AsSpan(0, utf8TailLength), Scratch(4), out _, out _, replaceInvalidSequences: false, isFinalBlock: false);
            if (status == OperationStatus.NeedMoreData && utf8TailLength < 4) { start++; continue; }
            if (status != OperationStatus.Done) { Invalid(block, start); return; }
            start++;
            utf8TailLength = 0;
        }
        if (utf8TailLength > 0)
        {
            if (final) Invalid(block, block.Length); // the file ends inside a character
            return;
        }
        var rest = block[start..];
        var result = Utf8.ToUtf16(rest, Scratch(rest.Length), out var read, out _, replaceInvalidSequences: false, isFinalBlock: final);
        if (result == OperationStatus.InvalidData || (final && result == OperationStatus.NeedMoreData)) Invalid(block, start + read);
        else if (result == OperationStatus.NeedMoreData)
        {
            rest[read..].CopyTo(utf8Tail);
            utf8TailLength = rest.Length - read;
        }
    }

    private void Invalid(ReadOnlySpan<byte> block, int at)
    {
        utf8Valid = false;
        var value = at < block.Length ? $"0x{block[at]:X2}" : null;
        utf8Error = At(block, Math.Min(at, block.Length), value, "is not valid UTF-8 although the file starts with a UTF-8 byte-order mark");
    }

    private Span<char> Scratch(int length)
    {
        if (scratch.Length < length) scratch = new char[Math.Max(length, 4096)];
        return scratch.AsSpan(0, length);
    }

    private void CountLines(ReadOnlySpan<byte> block)
    {
        lines += block.Count((byte)'\n');
        var last = block.LastIndexOf((byte)'\n');
        if (last >= 0) lineStart = offset + last + 1;
    }

    /// <summary>Where byte <paramref name="index"/> of the current block is: its line, and its column counted in bytes.</summary>
    private LocatedError At(ReadOnlySpan<byte> block, int index, string? value, string reason)
    {
        var before = block[..index];
        var lastFeed = before.LastIndexOf((byte)'\n');
        var line = lines + before.Count((byte)'\n') + 1;
        var column = lastFeed >= 0 ? index - lastFeed : offset + index - lineStart + 1;
        return new LocatedError(file, (int)line, (int)column, value, reason);
    }

    private void ScanUtf16(ReadOnlySpan<byte> block)
    {
        var i = 0;
        if (utf16Odd >= 0 && block.Length > 0) { Unit(utf16Odd, block[0]); i = 1; utf16Odd = -1; }
        for (; i + 1 < block.Length; i += 2) Unit(block[i], block[i + 1]);
        if (i < block.Length) utf16Odd = block[i];
    }

    private void Unit(int first, int second)
    {
        if (utf16Error is not null) return;
        var unit = mark == Mark.Utf16LE ? first | (second << 8) : (first << 8) | second;
        if (char.IsHighSurrogate((char)unit))
        {
            if (highSurrogate >= 0) Unpaired(highSurrogate);
            highSurrogate = unit;
        }
        else if (char.IsLowSurrogate((char)unit))
        {
            if (highSurrogate < 0) Unpaired(unit);
            highSurrogate = -1;
        }
        else
        {
            if (highSurrogate >= 0) Unpaired(highSurrogate);
            highSurrogate = -1;
            if (unit == '\n') lines++;
        }
    }

    private void Unpaired(int unit) =>
        utf16Error = new LocatedError(file, (int)lines + 1, 1, $"0x{unit:X4}", "is half of a UTF-16 character (an unpaired surrogate)");
}
