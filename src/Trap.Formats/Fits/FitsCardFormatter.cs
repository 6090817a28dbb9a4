using System.Globalization;
using System.Text;

namespace Trap.Formats.Fits;

/// <summary>
/// Formats header cards as 80-character card images (FITS 4.0 §4): fixed-format numbers and logicals
/// right-aligned to column 30, strings quoted with '' escapes from column 11, long strings split over
/// CONTINUE cards (OGIP 1.0), reals in a shortest round-trip form with an 'E' exponent, long
/// commentary text over several cards, and keywords that do not fit 8 characters as HIERARCH.
/// </summary>
public static class FitsCardFormatter
{
    private const int Width = FitsCardParser.CardLength;
    private const int ValueColumn = 10;          // 0-based start of the value field (column 11)
    private const int FixedValueEnd = 30;        // fixed-format values end in column 30
    private const int StringRoom = Width - ValueColumn - 2; // characters between the two quotes
    private const int CommentaryRoom = Width - 8;

    /// <summary>The card images for one card: usually one, more for long strings and long commentary.</summary>
    public static IReadOnlyList<string> Format(FitsCard card)
    {
        var keyword = card.Keyword.Trim().ToUpperInvariant();
        if (card.Kind == FitsValueKind.None) return Commentary(keyword, card.Text ?? string.Empty);
        if (!IsStandardKeyword(keyword)) return [Hierarch(keyword, card)];
        if (card.Kind == FitsValueKind.String) return StringCards(keyword, card.Text ?? string.Empty, card.Comment);

        var prefix = keyword.PadRight(8) + "= ";
        var value = card.Kind == FitsValueKind.Undefined ? string.Empty : ValueText(card);
        return [WithComment(prefix + value.PadLeft(FixedValueEnd - ValueColumn), card.Comment)];
    }

    /// <summary>A real as the shortest text that parses back to the same double, always with a
    /// decimal point and an upper-case 'E' exponent when one is needed (e.g. 1.0E-05, 143650817.871094).</summary>
    public static string FormatReal(double value, string keyword = "value")
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"FITS header values cannot be NaN or infinite ({keyword} = {value}); leave the keyword out instead.", nameof(value));
        }
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        var mantissa = e < 0 ? text : text[..e];
        if (!mantissa.Contains('.')) mantissa += ".0";
        return e < 0 ? mantissa : mantissa + text[e..];
    }

    private static string ValueText(FitsCard card) => card.Kind switch
    {
        FitsValueKind.Logical => card.Logical ? "T" : "F",
        FitsValueKind.Integer => long.TryParse(card.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exact)
            ? exact.ToString(CultureInfo.InvariantCulture)
            : IntegerFromNumber(card),
        FitsValueKind.Real => FormatReal(card.Number, card.Keyword),
        FitsValueKind.Complex => card.Text ?? throw new ArgumentException($"Complex card {card.Keyword} has no text."),
        _ => throw new ArgumentException($"Card {card.Keyword} has value kind {card.Kind}, which has no value text."),
    };

    private static string IntegerFromNumber(FitsCard card)
    {
        if (card.Text is { Length: > 0 } digits && digits.TrimStart('+', '-').All(char.IsAsciiDigit)) return digits.TrimStart('+');
        if (!double.IsFinite(card.Number) || card.Number != Math.Floor(card.Number))
        {
            throw new ArgumentException($"Integer card {card.Keyword} holds {card.Number}, which is not an integer.");
        }
        return card.Number.ToString("F0", CultureInfo.InvariantCulture);
    }

    /// <summary>A string value: one card when it fits, else pieces ending in '&amp;' continued on CONTINUE
    /// cards, never splitting a '' escape. A comment that does not fit goes on a final CONTINUE card.</summary>
    private static IReadOnlyList<string> StringCards(string keyword, string text, string? comment)
    {
        CheckPrintable(text, keyword);
        var escaped = Escape(text);
        var prefix = keyword.PadRight(8) + "= ";
        if (escaped.Length <= StringRoom)
        {
            return [WithComment(prefix + "'" + escaped.PadRight(8) + "'", comment)];
        }

        var cards = new List<string>();
        var piece = new StringBuilder();
        foreach (var c in text)
        {
            var escapedChar = c == '\'' ? "''" : c.ToString();
            if (piece.Length + escapedChar.Length > StringRoom - 1)
            {
                cards.Add((cards.Count == 0 ? prefix : "CONTINUE  ") + "'" + piece + "&'");
                piece.Clear();
            }
            piece.Append(escapedChar);
        }
        var last = (cards.Count == 0 ? prefix : "CONTINUE  ") + "'" + piece + "'";
        if (comment is null || last.Length + 3 + comment.Length <= Width)
        {
            cards.Add(WithComment(last, comment));
        }
        else
        {
            cards.Add(last[..^1] + "&'");
            cards.Add(WithComment("CONTINUE  ''", comment));
        }
        return cards;
    }

    private static string Escape(string text) => text.Replace("'", "''");

    /// <summary>COMMENT, HISTORY or blank-keyword text in columns 9-80; longer text goes on more cards.</summary>
    private static IReadOnlyList<string> Commentary(string keyword, string text)
    {
        CheckPrintable(text, keyword);
        if (keyword.Length > 8) throw new ArgumentException($"Commentary keyword '{keyword}' is longer than 8 characters.");
        var cards = new List<string>();
        for (var start = 0; start == 0 || start < text.Length; start += CommentaryRoom)
        {
            var part = text.Substring(start, Math.Min(CommentaryRoom, text.Length - start));
            cards.Add((keyword.PadRight(8) + part).PadRight(Width));
        }
        return cards;
    }

    /// <summary>The ESO HIERARCH convention for keywords longer than 8 characters or with other characters.</summary>
    private static string Hierarch(string keyword, FitsCard card)
    {
        CheckPrintable(keyword, keyword);
        if (keyword.Contains('=')) throw new ArgumentException($"Keyword '{keyword}' contains '=', which no FITS card can hold.");
        var value = card.Kind switch
        {
            FitsValueKind.String => "'" + Escape(CheckPrintable(card.Text ?? string.Empty, keyword)) + "'",
            FitsValueKind.Undefined => string.Empty,
            _ => ValueText(card),
        };
        var image = $"HIERARCH {keyword} = {value}";
        if (image.Length > Width)
        {
            throw new ArgumentException($"HIERARCH card {keyword} needs {image.Length} characters; a card holds {Width}. Shorten the keyword or value.");
        }
        return WithComment(image, card.Comment);
    }

    /// <summary>Appends " / comment", cut to the card width (a comment is not data), and pads to 80.</summary>
    private static string WithComment(string image, string? comment)
    {
        if (!string.IsNullOrEmpty(comment))
        {
            CheckPrintable(comment, "comment");
            image += " / " + comment;
        }
        return image.Length > Width ? image[..Width] : image.PadRight(Width);
    }

    private static bool IsStandardKeyword(string keyword) =>
        keyword.Length <= 8 && keyword.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_');

    private static string CheckPrintable(string text, string keyword)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"FITS header text may hold only printable ASCII; {keyword} contains U+{(int)c:X4}.");
            }
        }
        return text;
    }
}
