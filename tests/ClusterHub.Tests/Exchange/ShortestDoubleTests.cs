using System.Globalization;
using System.Text;
using ClusterHub.Exchange;

namespace ClusterHub.Tests.Exchange;

/// <summary>
/// <see cref="ShortestDouble"/> writes the runtime's text to the byte, on the numbers a CSV of measures holds (ratios,
/// decimals typed by people, shares) and on the ones that test the digit search: exact decimals, ties, powers of two and
/// ten and their neighbours, the edges of the fixed notation, any bit pattern.
/// </summary>
public sealed class ShortestDoubleTests
{
    private static void Same(double value, byte[] buffer)
    {
        Assert.True(ShortestDouble.TryFormat(value, buffer, out var written));
        var expected = value.ToString(CultureInfo.InvariantCulture);
        var actual = Encoding.UTF8.GetString(buffer, 0, written);
        if (expected != actual) Assert.Fail($"{BitConverter.DoubleToInt64Bits(value):X16}: the runtime writes {expected}, ShortestDouble {actual}");
    }

    private static void SameAround(double value, byte[] buffer)
    {
        Same(value, buffer);
        Same(Math.BitIncrement(value), buffer);
        Same(Math.BitDecrement(value), buffer);
        Same(-value, buffer);
    }

    [Fact]
    public void Ratios_decimals_and_random_magnitudes_are_written_as_the_runtime_writes_them()
    {
        var random = new Random(11);
        var buffer = new byte[64];
        for (var k = 0; k < 200_000; k++)
        {
            // A location quotient, a share: a ratio of counts.
            Same(random.Next(1, 100_000) / (double)random.Next(1, 100_000), buffer);
            // A decimal as a person types it (0.3, 1.005, 123.45), and its neighbours: ties and exact decimals.
            SameAround(random.Next(1, 1_000_000) / Math.Pow(10, random.Next(0, 10)), buffer);
            // Any magnitude from 10⁻⁶ to 10¹⁷: both sides of the fixed notation's edges.
            Same(Math.Pow(10, random.NextDouble() * 23 - 6) * (random.Next(2) == 0 ? 1 : -1), buffer);
            // Any bit pattern: every exponent, zero, subnormals, infinities and NaN (the runtime's own text).
            Same(BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)), buffer);
        }
    }

    [Fact]
    public void Powers_of_two_and_ten_and_their_neighbours_are_written_as_the_runtime_writes_them()
    {
        var buffer = new byte[64];
        for (var e = -1074; e <= 1023; e++) SameAround(Math.ScaleB(1, e), buffer);
        for (var e = -20; e <= 20; e++)
        {
            SameAround(Math.Pow(10, e), buffer);
            SameAround(5 * Math.Pow(10, e), buffer);
            SameAround(9.999999999999999 * Math.Pow(10, e), buffer);
        }
        foreach (var value in new[] { 0.0, -0.0, double.Epsilon, double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1e-4, 1e-5, 1e15, 1e16 })
            SameAround(value, buffer);
    }

    [Fact]
    public void The_longest_fixed_text_fits_the_smallest_buffer_it_writes_into_and_a_shorter_one_is_refused()
    {
        // 23 bytes, the most the fixed notation takes (sign, "0.", three zeros, 17 digits), written by ShortestDouble
        // itself into 25 bytes, the least it writes into; a smaller buffer goes to the runtime, which refuses it.
        var value = -0.00012345678901234567;
        var buffer = new byte[25];
        Assert.True(ShortestDouble.TryFormat(value, buffer, out var written));
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetString(buffer, 0, written));
        Assert.Equal(23, written);
        Assert.False(ShortestDouble.TryFormat(value, new byte[10], out _));
    }
}
