namespace Trap.Formats.Fits;

/// <summary>The type of a card's value.</summary>
public enum FitsValueKind
{
    /// <summary>Commentary card (COMMENT, HISTORY, blank keyword) or a card without "= ".</summary>
    None,
    /// <summary>"= " followed by nothing: a keyword that is present with an undefined value.</summary>
    Undefined,
    Logical,
    Integer,
    Real,
    Complex,
    String,
}

/// <summary>
/// One header card. Values are kept as parsed: strings without quotes and with '' unescaped and
/// trailing blanks removed; numbers as text plus a parsed double (Fortran 'D' exponents accepted;
/// integers keep their exact text, so 64-bit values such as BLANK survive).
/// Commentary cards keep their text (columns 9-80) in <see cref="Text"/>.
/// </summary>
public sealed record FitsCard(
    string Keyword,
    FitsValueKind Kind,
    string? Text,
    double Number,
    bool Logical,
    string? Comment)
{
    /// <summary>True when the card carries a numeric value (integer or real).</summary>
    public bool IsNumber => Kind is FitsValueKind.Integer or FitsValueKind.Real;

    /// <summary>A commentary card such as HISTORY or COMMENT.</summary>
    public static FitsCard Commentary(string keyword, string text) =>
        new(keyword, FitsValueKind.None, text, double.NaN, false, null);

    public static FitsCard OfString(string keyword, string value, string? comment = null) =>
        new(keyword, FitsValueKind.String, value, double.NaN, false, comment);

    public static FitsCard OfReal(string keyword, double value, string? comment = null) =>
        new(keyword, FitsValueKind.Real, null, value, false, comment);

    public static FitsCard OfInteger(string keyword, long value, string? comment = null) =>
        new(keyword, FitsValueKind.Integer, value.ToString(System.Globalization.CultureInfo.InvariantCulture), value, false, comment);

    public static FitsCard OfLogical(string keyword, bool value, string? comment = null) =>
        new(keyword, FitsValueKind.Logical, null, double.NaN, value, comment);
}
