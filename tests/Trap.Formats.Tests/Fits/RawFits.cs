using System.Text;

namespace Trap.Formats.Tests.Fits;

/// <summary>Builds FITS bytes by hand (cards as text, data as raw big-endian bytes), independent of
/// FitsWriter, so the reader is tested against the standard rather than against our own writer.</summary>
internal static class RawFits
{
    /// <summary>A valued card in fixed format: keyword, "= ", value right-aligned to column 30.</summary>
    public static string Card(string keyword, string value) => $"{keyword,-8}= {value,20}";

    /// <summary>One HDU: the cards, END, blank-padded header blocks, then the data zero-padded to 2880
    /// bytes (or not padded, to imitate writers that stop at the last byte).</summary>
    public static byte[] Hdu(IEnumerable<string> cards, byte[]? data = null, bool padData = true)
    {
        var text = new StringBuilder();
        foreach (var card in cards.Append("END")) text.Append(card.PadRight(80)[..80]);
        while (text.Length % 2880 != 0) text.Append(' ');
        var bytes = new List<byte>(Encoding.ASCII.GetBytes(text.ToString()));
        if (data is not null)
        {
            bytes.AddRange(data);
            if (padData) while (bytes.Count % 2880 != 0) bytes.Add(0);
        }
        return bytes.ToArray();
    }

    /// <summary>A primary image header: SIMPLE, BITPIX, NAXIS, NAXISn, then the extra cards.</summary>
    public static IEnumerable<string> Primary(int bitpix, int[] axes, params string[] extra) =>
        new[] { Card("SIMPLE", "T"), Card("BITPIX", bitpix.ToString()), Card("NAXIS", axes.Length.ToString()) }
            .Concat(axes.Select((n, i) => Card($"NAXIS{i + 1}", n.ToString())))
            .Concat(extra);

    /// <summary>An extension header: XTENSION, BITPIX, NAXIS, NAXISn, PCOUNT, GCOUNT, then the extra cards.</summary>
    public static IEnumerable<string> Extension(string xtension, int bitpix, int[] axes, long pcount, params string[] extra) =>
        new[] { Card("XTENSION", $"'{xtension,-8}'"), Card("BITPIX", bitpix.ToString()), Card("NAXIS", axes.Length.ToString()) }
            .Concat(axes.Select((n, i) => Card($"NAXIS{i + 1}", n.ToString())))
            .Concat([Card("PCOUNT", pcount.ToString()), Card("GCOUNT", "1")])
            .Concat(extra);

    /// <summary>Big-endian bytes of the values, each written with the given byte count.</summary>
    public static byte[] BigEndian<T>(IEnumerable<T> values, Func<T, byte[]> littleEndianBytes) =>
        values.SelectMany(v => littleEndianBytes(v).Reverse()).ToArray();

    public static byte[] Floats(params float[] values) => BigEndian(values, BitConverter.GetBytes);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
