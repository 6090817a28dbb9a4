using Trap.Formats.Fits;

namespace Trap.Formats.Tests.Fits;

/// <summary>Card images written by the formatter parse back to the same card.</summary>
public sealed class FitsCardFormatterTests
{
    private static FitsCard RoundTrip(FitsCard card)
    {
        var images = FitsCardFormatter.Format(card);
        Assert.All(images, image =>
        {
            Assert.Equal(80, image.Length);
            Assert.All(image, c => Assert.InRange(c, ' ', '~'));
        });
        var header = FitsHeader.FromCardImages(images);
        return Assert.Single(header.Cards);
    }

    [Fact]
    public void RealsRoundTripBitForBit()
    {
        var random = new Random(20240611);
        var values = new List<double> { 0.0, -0.0, 1.0, 0.1, Math.PI, 1e-300, 5e-324, double.MaxValue, -double.MaxValue, 143650817.871094, 1e16, 123456789012345678.0 };
        while (values.Count < 2000)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (double.IsFinite(value)) values.Add(value);
        }
        foreach (var value in values)
        {
            var card = RoundTrip(FitsCard.OfReal("CRVAL1", value));
            Assert.Equal(FitsValueKind.Real, card.Kind);
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(card.Number));
        }
    }

    [Theory]
    [InlineData(150.0, "150.0")]
    [InlineData(1e-5, "1.0E-05")]
    [InlineData(-2.5e20, "-2.5E+20")]
    [InlineData(-0.0, "-0.0")]
    public void RealsAlwaysHaveADecimalPointAndAnUpperCaseExponent(double value, string expected)
    {
        Assert.Equal(expected, FitsCardFormatter.FormatReal(value));
    }

    [Fact]
    public void FixedFormatValuesEndInColumn30()
    {
        var image = Assert.Single(FitsCardFormatter.Format(FitsCard.OfInteger("NAXIS1", 2048, "length")));
        Assert.Equal("NAXIS1  =                 2048 / length", image.TrimEnd());
        Assert.Equal("SIMPLE  =                    T", FitsCardFormatter.Format(FitsCard.OfLogical("SIMPLE", true))[0].TrimEnd());
        Assert.Equal("BUNIT   = 'JY/BEAM '", FitsCardFormatter.Format(FitsCard.OfString("BUNIT", "JY/BEAM"))[0].TrimEnd());
    }

    [Fact]
    public void ParsedIntegersAreWrittenInCanonicalForm()
    {
        var card = RoundTrip(FitsCardParser.Parse("NAXIS1  =                +0042"));
        Assert.Equal(42.0, card.Number);
        Assert.Equal("42", card.Text);
        Assert.Equal(long.MinValue, new FitsHeader([RoundTrip(FitsCardParser.Parse("BLANK   = -9223372036854775808"))]).GetLong("BLANK"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(67)]
    [InlineData(68)]
    [InlineData(69)]
    [InlineData(200)]
    public void StringsOfAnyLengthRoundTripThroughContinueCards(int length)
    {
        var text = string.Concat(Enumerable.Range(0, length).Select(i => i % 11 == 5 ? '\'' : (char)('a' + i % 26)));
        var card = RoundTrip(FitsCard.OfString("ORIGIN", text, "where it came from"));
        Assert.Equal(text, card.Text);
        Assert.Equal("where it came from", card.Comment);
    }

    [Fact]
    public void AQuotePairIsNeverSplitAcrossCards()
    {
        // 66 letters then quotes: the escaped '' pair would straddle the 67-character piece limit.
        var text = new string('x', 66) + "''''" + new string('y', 80);
        var images = FitsCardFormatter.Format(FitsCard.OfString("ORIGIN", text));
        Assert.True(images.Count > 1);
        Assert.Equal(text, FitsHeader.FromCardImages(images).GetString("ORIGIN"));
    }

    [Fact]
    public void ALongCommentOnALongStringGetsItsOwnContinueCard()
    {
        var text = new string('s', 100);
        var comment = new string('c', 60);
        var images = FitsCardFormatter.Format(FitsCard.OfString("ORIGIN", text, comment));
        Assert.StartsWith("CONTINUE  '' / ", images[^1]);
        var card = Assert.Single(FitsHeader.FromCardImages(images).Cards);
        Assert.Equal(text, card.Text);
        Assert.Equal(comment, card.Comment);
    }

    [Fact]
    public void LongHistoryTextSpansSeveralCardsInOrder()
    {
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => (char)('A' + i % 26)));
        var images = FitsCardFormatter.Format(FitsCard.Commentary("HISTORY", text));
        Assert.Equal(2, images.Count);
        Assert.Equal(text, string.Concat(FitsHeader.FromCardImages(images).History));
    }

    [Fact]
    public void UndefinedComplexAndHierarchCardsRoundTrip()
    {
        Assert.Equal(FitsValueKind.Undefined, RoundTrip(new FitsCard("DATAMIN", FitsValueKind.Undefined, null, double.NaN, false, "unknown")).Kind);
        Assert.Equal("(1.0, 2.0)", RoundTrip(FitsCardParser.Parse("CVALUE  = (1.0, 2.0)")).Text);
        var hierarch = RoundTrip(FitsCard.OfReal("ESO DET CHIP TEMP", -120.5, "K"));
        Assert.Equal("ESO DET CHIP TEMP", hierarch.Keyword);
        Assert.Equal(-120.5, hierarch.Number);
        Assert.Equal("it's", RoundTrip(FitsCard.OfString("lower_case_long_name", "it's")).Text);
    }

    [Fact]
    public void ValuesFitsCannotHoldAreRefused()
    {
        Assert.Throws<ArgumentException>(() => FitsCardFormatter.Format(FitsCard.OfReal("CRVAL1", double.NaN)));
        Assert.Throws<ArgumentException>(() => FitsCardFormatter.Format(FitsCard.OfString("OBJECT", "Ångström")));
        Assert.Throws<ArgumentException>(() => FitsCardFormatter.Format(FitsCard.OfString("HIERARCH KEY", new string('v', 80))));
    }
}
