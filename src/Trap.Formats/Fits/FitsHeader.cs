namespace Trap.Formats.Fits;

/// <summary>
/// An ordered FITS header. Lookups return the first card of a keyword (as astropy does when a
/// header repeats OBJECT or TELESCOP); commentary cards keep their order. Long strings split with
/// the CONTINUE convention are joined when cards are added through <see cref="FromCardImages"/>.
/// </summary>
public sealed class FitsHeader
{
    private readonly List<FitsCard> _cards = new();
    private readonly Dictionary<string, int> _firstIndex = new(StringComparer.Ordinal);

    public FitsHeader()
    {
    }

    public FitsHeader(IEnumerable<FitsCard> cards)
    {
        foreach (var card in cards) Add(card);
    }

    /// <summary>All cards in order (END excluded).</summary>
    public IReadOnlyList<FitsCard> Cards => _cards;

    /// <summary>Builds a header from 80-character card images, stopping at END and joining CONTINUE
    /// pieces onto the string card before them.</summary>
    public static FitsHeader FromCardImages(IEnumerable<string> cardImages)
    {
        var header = new FitsHeader();
        foreach (var image in cardImages)
        {
            var card = FitsCardParser.Parse(image);
            if (card.Keyword == "END") break;
            header.AddParsed(card);
        }
        return header;
    }

    /// <summary>Adds a parsed card, joining a CONTINUE card onto the previous long string.</summary>
    public void AddParsed(FitsCard card)
    {
        if (card.Keyword == "CONTINUE" && _cards.Count > 0)
        {
            var last = _cards[^1];
            if (last.Kind == FitsValueKind.String && last.Text is { } text && text.EndsWith('&'))
            {
                _cards[^1] = last with
                {
                    Text = text[..^1] + card.Text,
                    Comment = card.Comment ?? last.Comment,
                };
                return;
            }
            // A CONTINUE that continues nothing is commentary, as the convention says.
            Add(FitsCard.Commentary("CONTINUE", card.Text ?? string.Empty));
            return;
        }
        Add(card);
    }

    /// <summary>Appends a card.</summary>
    public void Add(FitsCard card)
    {
        if (card.Kind != FitsValueKind.None) _firstIndex.TryAdd(card.Keyword, _cards.Count);
        _cards.Add(card);
    }

    /// <summary>Replaces the first card of the keyword, or appends it when absent.</summary>
    public void Set(FitsCard card)
    {
        if (_firstIndex.TryGetValue(card.Keyword, out var index))
        {
            _cards[index] = card;
        }
        else
        {
            Add(card);
        }
    }

    public bool Contains(string keyword) => _firstIndex.ContainsKey(keyword);

    /// <summary>The first valued card of a keyword, or null.</summary>
    public FitsCard? Find(string keyword) =>
        _firstIndex.TryGetValue(keyword, out var index) ? _cards[index] : null;

    /// <summary>The value as a string: strings as they are, numbers and logicals as their text.</summary>
    public string? GetString(string keyword)
    {
        var card = Find(keyword);
        return card?.Kind switch
        {
            FitsValueKind.String or FitsValueKind.Integer or FitsValueKind.Real or FitsValueKind.Complex => card.Text,
            FitsValueKind.Logical => card.Logical ? "T" : "F",
            _ => null,
        };
    }

    /// <summary>A numeric value; a string holding a number (seen in some writers) is accepted too.</summary>
    public double? GetDouble(string keyword)
    {
        var card = Find(keyword);
        if (card is null) return null;
        if (card.IsNumber) return card.Number;
        if (card.Kind == FitsValueKind.String && card.Text is { } text &&
            FitsCardParser.TryParseReal(text.Trim(), out var parsed))
        {
            return parsed;
        }
        return null;
    }

    /// <summary>An integer value, exact to 64 bits (needed for BLANK of BITPIX 64).</summary>
    public long? GetLong(string keyword)
    {
        var card = Find(keyword);
        if (card is null || !card.IsNumber) return null;
        if (card.Kind == FitsValueKind.Integer && long.TryParse(card.Text, System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var exact))
        {
            return exact;
        }
        // Whole numbers in [-2^63, 2^63) convert exactly; (double)long.MaxValue is 2^63, hence the strict bound.
        return card.Number >= -9.223372036854775808E18 && card.Number < 9.223372036854775808E18 && card.Number == Math.Floor(card.Number)
            ? (long)card.Number
            : null;
    }

    public int? GetInt(string keyword)
    {
        var value = GetLong(keyword);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value.Value : null;
    }

    public bool? GetBool(string keyword)
    {
        var card = Find(keyword);
        return card?.Kind == FitsValueKind.Logical ? card.Logical : null;
    }

    /// <summary>The text of every HISTORY card, in order.</summary>
    public IEnumerable<string> History =>
        _cards.Where(c => c.Keyword == "HISTORY").Select(c => c.Text ?? string.Empty);
}
