using System.Numerics;
using System.Runtime.CompilerServices;

namespace ClusterHub.Exchange;

/// <summary>
/// A double as the shortest text that reads back the same, written in UTF-8: the same bytes as the runtime's
/// <c>double.TryFormat</c> in the invariant culture, in less than half its time. Written here for speed: the <c>map lq</c>
/// verb writes 4 million location quotients, and the runtime's formatter (180–200 ns a number on the 2-core test machine,
/// against 70–95 ns here) was half of writing them; no NuGet package offers a formatter. The digits come from Ulf Adams'
/// Ryū (PLDI 2018, "Ryū: fast float-to-string conversion"), which finds the shortest digits that round-trip, the closest
/// to the exact value on a tie. The layout is fixed notation, which the runtime uses for every number whose scientific
/// exponent is from −4 to 14 (and for some beyond); only that window is written here. Anything else (zero, subnormal
/// numbers, a number outside the window, infinities, NaN) is left to the runtime; tests compare both on a million numbers.
/// </summary>
public static class ShortestDouble
{
    private const int MantissaBits = 52, ExponentBits = 11, Bias = 1023;
    private const int Pow5InverseBitCount = 125, Pow5BitCount = 125;

    // 5^i split into 128-bit values (Ryū's DOUBLE_POW5_SPLIT and DOUBLE_POW5_INV_SPLIT), low and high halves at 2i and
    // 2i + 1, computed once from their definitions rather than pasted as 1,300 constants.
    private static readonly ulong[] Pow5 = Halves(326, pow =>
    {
        var shift = (int)pow.GetBitLength() - Pow5BitCount;
        return shift >= 0 ? pow >> shift : pow << -shift;
    });

    private static readonly ulong[] Pow5Inverse = Halves(342, pow => (BigInteger.One << ((int)pow.GetBitLength() - 1 + Pow5InverseBitCount)) / pow + 1);

    private static ulong[] Halves(int count, Func<BigInteger, BigInteger> entry)
    {
        var halves = new ulong[2 * count];
        for (var i = 0; i < count; i++)
        {
            var value = entry(BigInteger.Pow(5, i));
            (halves[2 * i], halves[2 * i + 1]) = ((ulong)(value & ulong.MaxValue), (ulong)(value >> 64));
        }
        return halves;
    }

    /// <summary>Writes <paramref name="value"/> as <c>value.TryFormat(bytes, out written, default, InvariantCulture)</c> does.</summary>
    // Optimised from the first call: a verb may write its millions of numbers before tiered compilation catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryFormat(double value, Span<byte> bytes, out int written)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var exponent = (int)(bits >> MantissaBits) & ((1 << ExponentBits) - 1);
        // Zero, subnormal numbers, infinities and NaN: the runtime's text.
        if (exponent == 0 || exponent == (1 << ExponentBits) - 1 || bytes.Length < 25)
            return value.TryFormat(bytes, out written, default, System.Globalization.CultureInfo.InvariantCulture);
        var (digits, exponent10) = Shortest(bits & ((1UL << MantissaBits) - 1), exponent);
        while (digits % 10 == 0)
        {
            digits /= 10;
            exponent10++;
        }
        var count = DigitCount(digits);
        var scientific = count - 1 + exponent10; // value = d.ddd × 10^scientific
        if (scientific is < -4 or > 14)
            return value.TryFormat(bytes, out written, default, System.Globalization.CultureInfo.InvariantCulture);
        var at = 0;
        if ((long)bits < 0) bytes[at++] = (byte)'-';
        if (exponent10 >= 0)
        {
            // A whole number: its digits, then zeros.
            WriteDigits(digits, bytes.Slice(at, count));
            at += count;
            bytes.Slice(at, exponent10).Fill((byte)'0');
            at += exponent10;
        }
        else if (scientific >= 0)
        {
            // d…d.d…d: the digits with a point after the first scientific + 1.
            var whole = scientific + 1;
            WriteDigits(digits, bytes.Slice(at + 1, count));
            bytes.Slice(at + 1, whole).CopyTo(bytes.Slice(at, whole));
            bytes[at + whole] = (byte)'.';
            at += count + 1;
        }
        else
        {
            // 0.0…0d…d
            bytes[at++] = (byte)'0';
            bytes[at++] = (byte)'.';
            var zeros = -scientific - 1;
            bytes.Slice(at, zeros).Fill((byte)'0');
            at += zeros;
            WriteDigits(digits, bytes.Slice(at, count));
            at += count;
        }
        written = at;
        return true;
    }

    /// <summary>Ryū's d2d: the shortest decimal digits and their power of ten for a normal double's mantissa and exponent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (ulong Digits, int Exponent) Shortest(ulong mantissa, int exponent)
    {
        var e2 = exponent - Bias - MantissaBits - 2;
        var m2 = (1UL << MantissaBits) | mantissa;
        var acceptBounds = (m2 & 1) == 0;
        var mv = 4 * m2;
        var mmShift = mantissa != 0 || exponent <= 1 ? 1u : 0u;
        ulong vr, vp, vm;
        int e10;
        bool vmIsTrailingZeros = false, vrIsTrailingZeros = false;
        if (e2 >= 0)
        {
            var q = Log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            var k = Pow5InverseBitCount + Pow5Bits(q) - 1;
            var i = -e2 + q + k;
            (vr, vp, vm) = MulShiftAll(m2, Pow5Inverse[2 * q], Pow5Inverse[2 * q + 1], i, mmShift);
            if (q <= 21)
            {
                if (mv % 5 == 0) vrIsTrailingZeros = MultipleOfPowerOf5(mv, q);
                else if (acceptBounds) vmIsTrailingZeros = MultipleOfPowerOf5(mv - 1 - mmShift, q);
                else vp -= MultipleOfPowerOf5(mv + 2, q) ? 1UL : 0;
            }
        }
        else
        {
            var q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            var i = -e2 - q;
            var k = Pow5Bits(i) - Pow5BitCount;
            var j = q - k;
            (vr, vp, vm) = MulShiftAll(m2, Pow5[2 * i], Pow5[2 * i + 1], j, mmShift);
            if (q <= 1)
            {
                vrIsTrailingZeros = true;
                if (acceptBounds) vmIsTrailingZeros = mmShift == 1;
                else vp--;
            }
            else if (q < 63) vrIsTrailingZeros = (mv & ((1UL << q) - 1)) == 0;
        }

        var removed = 0;
        byte lastRemovedDigit = 0;
        ulong output;
        if (vmIsTrailingZeros || vrIsTrailingZeros)
        {
            // The rare case: a bound or the value itself may be exact, which decides ties.
            while (vp / 10 > vm / 10)
            {
                vmIsTrailingZeros &= vm % 10 == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = (byte)(vr % 10);
                (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                removed++;
            }
            if (vmIsTrailingZeros)
            {
                while (vm % 10 == 0)
                {
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = (byte)(vr % 10);
                    (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                    removed++;
                }
            }
            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) lastRemovedDigit = 4; // round half to even
            output = vr + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 ? 1UL : 0);
        }
        else
        {
            var roundUp = false;
            if (vp / 100 > vm / 100)
            {
                roundUp = vr % 100 >= 50;
                (vr, vp, vm) = (vr / 100, vp / 100, vm / 100);
                removed += 2;
            }
            while (vp / 10 > vm / 10)
            {
                roundUp = vr % 10 >= 5;
                (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                removed++;
            }
            output = vr + (vr == vm || roundUp ? 1UL : 0);
        }
        return (output, e10 + removed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Vr, ulong Vp, ulong Vm) MulShiftAll(ulong m, ulong low, ulong high, int shift, uint mmShift) =>
        (MulShift(4 * m, low, high, shift), MulShift(4 * m + 2, low, high, shift), MulShift(4 * m - 1 - mmShift, low, high, shift));

    /// <summary>(m × (high·2⁶⁴ + low)) >> shift, the product being 192 bits wide; shift is between 64 and 128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulShift(ulong m, ulong low, ulong high, int shift)
    {
        var high1 = Math.BigMul(m, high, out var low1);
        var high0 = Math.BigMul(m, low, out _);
        var sum = low1 + high0;
        var carry = high1 + (sum < high0 ? 1UL : 0);
        var s = shift - 64;
        return (sum >> s) | (carry << (64 - s));
    }

    private static int Pow5Bits(int e) => (int)(((uint)e * 1217359) >> 19) + 1;

    private static int Log10Pow2(int e) => (int)(((uint)e * 78913) >> 18);

    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);

    private static bool MultipleOfPowerOf5(ulong value, int p)
    {
        var count = 0;
        for (; value % 5 == 0; value /= 5) count++;
        return count >= p;
    }

    private static readonly ulong[] PowersOf10 = [.. Enumerable.Range(0, 20).Select(e => (ulong)BigInteger.Pow(10, e))];

    private static int DigitCount(ulong v)
    {
        // log10 from log2 (1233/4096 ≈ log10 2), then one comparison to correct it.
        var guess = (64 - BitOperations.LeadingZeroCount(v | 1)) * 1233 >> 12;
        return guess + (v >= PowersOf10[guess] ? 1 : 0);
    }

    /// <summary>"00" to "99": two digits per division.</summary>
    private static ReadOnlySpan<byte> TwoDigits => "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>The digits of <paramref name="v"/>, right-aligned in <paramref name="into"/>, whose length is their count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteDigits(ulong v, Span<byte> into)
    {
        var at = into.Length;
        while (at >= 2)
        {
            var (quotient, pair) = Math.DivRem(v, 100UL);
            at -= 2;
            TwoDigits.Slice((int)pair * 2, 2).CopyTo(into[at..]);
            v = quotient;
        }
        if (at == 1) into[0] = (byte)('0' + v);
    }
}
