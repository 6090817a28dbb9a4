using System.Globalization;

namespace Trap.Formats.Fits;

/// <summary>
/// Parses one 80-character header card in free format (FITS 4.0 §4), leniently: Fortran 'D'
/// exponents, leading '+', undefined values, '' quote escapes and lower-case keywords are accepted.
/// </summary>
public static class FitsCardParser
{
    public const int CardLength = 80;

    private static readonly HashSet<string> CommentaryKeywords = new(StringComparer.Ordinal)
    {
        "COMMENT", "HISTORY", "", "END",
    };

    /// <summary>Parses a card image of up to 80 characters. Never throws on odd values: an unparsable
    /// value is kept as text of kind <see cref="FitsValueKind.String"/>.</summary>
    public static FitsCard Parse(ReadOnlySpan<char> card)
    {
        // A short card image means blanks to column 80 ("DATAMIN =" is an undefined value).
        if (card.Length < CardLength) card = card.ToString().PadRight(CardLength);
        var keyword = card[..Math.Min(8, card.Length)].Trim().ToString().ToUpperInvariant();
        var hasValue = card.Length >= 10 && card[8] == '=' && card[9] == ' ';
        if (keyword == "HIERARCH")
        {
            return ParseHierarch(card);
        }
        if (keyword == "CONTINUE")
        {
            // Long-string continuation: the quoted piece starts in column 11 (0-based 10).
            var rest = card.Length > 8 ? card[8..] : ReadOnlySpan<char>.Empty;
            var (text, comment) = ParseStringValue(rest.TrimStart());
            return new FitsCard("CONTINUE", FitsValueKind.String, text, double.NaN, false, comment);
        }
        if (!hasValue || CommentaryKeywords.Contains(keyword))
        {
            var text = card.Length > 8 ? card[8..].TrimEnd().ToString() : string.Empty;
            return FitsCard.Commentary(keyword, text);
        }
        return ParseValue(keyword, card[10..]);
    }

    private static FitsCard ParseHierarch(ReadOnlySpan<char> card)
    {
        var body = card[8..];
        var eq = body.IndexOf('=');
        if (eq < 0) return FitsCard.Commentary("HIERARCH", body.TrimEnd().ToString());
        var name = body[..eq].Trim().ToString().ToUpperInvariant();
        return ParseValue(name, body[(eq + 1)..]);
    }

    private static FitsCard ParseValue(string keyword, ReadOnlySpan<char> field)
    {
        var trimmed = field.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] == '/')
        {
            var comment = trimmed.Length > 0 ? trimmed[1..].Trim().ToString() : null;
            return new FitsCard(keyword, FitsValueKind.Undefined, null, double.NaN, false, comment);
        }
        if (trimmed[0] == '\'')
        {
            var (text, comment) = ParseStringValue(trimmed);
            return new FitsCard(keyword, FitsValueKind.String, text, double.NaN, false, comment);
        }

        string token;
        string? rest;
        if (trimmed[0] == '(')
        {
            var close = trimmed.IndexOf(')');
            token = close < 0 ? trimmed.ToString() : trimmed[..(close + 1)].ToString();
            rest = close < 0 ? null : CommentOf(trimmed[(close + 1)..]);
            return new FitsCard(keyword, FitsValueKind.Complex, token.Trim(), double.NaN, false, rest);
        }

        var slash = trimmed.IndexOf('/');
        token = (slash < 0 ? trimmed : trimmed[..slash]).Trim().ToString();
        rest = slash < 0 ? null : trimmed[(slash + 1)..].Trim().ToString();
        if (token == "T" || token == "F")
        {
            return new FitsCard(keyword, FitsValueKind.Logical, token, double.NaN, token == "T", rest);
        }
        if (IsInteger(token) && double.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            return new FitsCard(keyword, FitsValueKind.Integer, token, whole, false, rest);
        }
        if (TryParseReal(token, out var real))
        {
            return new FitsCard(keyword, FitsValueKind.Real, token, real, false, rest);
        }
        // Not a legal value (e.g. a bare word): keep it as text so nothing is lost.
        return new FitsCard(keyword, FitsValueKind.String, token, double.NaN, false, rest);
    }

    private static string? CommentOf(ReadOnlySpan<char> afterValue)
    {
        var slash = afterValue.IndexOf('/');
        return slash < 0 ? null : afterValue[(slash + 1)..].Trim().ToString();
    }

    /// <summary>Parses a quoted string starting at field[0] == '\''. Returns the unescaped value with
    /// trailing blanks removed and the comment after it, if any.</summary>
    private static (string Text, string? Comment) ParseStringValue(ReadOnlySpan<char> field)
    {
        if (field.Length == 0 || field[0] != '\'') return (field.TrimEnd().ToString(), null);
        var builder = new System.Text.StringBuilder();
        var i = 1;
        while (i < field.Length)
        {
            if (field[i] == '\'')
            {
                if (i + 1 < field.Length && field[i + 1] == '\'')
                {
                    builder.Append('\'');
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            builder.Append(field[i]);
            i++;
        }
        var comment = CommentOf(field[Math.Min(i, field.Length)..]);
        return (builder.ToString().TrimEnd(), comment);
    }

    private static bool IsInteger(string token)
    {
        if (token.Length == 0) return false;
        var start = token[0] is '+' or '-' ? 1 : 0;
        if (start == token.Length) return false;
        for (var i = start; i < token.Length; i++)
        {
            if (!char.IsAsciiDigit(token[i])) return false;
        }
        return true;
    }

    /// <summary>Parses a FITS real, accepting 'D' as the exponent mark.</summary>
    public static bool TryParseReal(string token, out double value)
    {
        var normalised = token.Replace('D', 'E').Replace('d', 'e');
        return double.TryParse(normalised, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
