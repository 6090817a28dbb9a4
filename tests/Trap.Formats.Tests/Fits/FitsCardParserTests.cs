using Trap.Formats.Fits;

namespace Trap.Formats.Tests.Fits;

/// <summary>Free-format card parsing (FITS 4.0 §4.2), with the cases real radio headers show.</summary>
public sealed class FitsCardParserTests
{
    [Fact]
    public void AnIntegerMayHaveAPlusSignAndLeadingZeros()
    {
        var card = FitsCardParser.Parse("NAXIS1  =                +0042 / length");
        Assert.Equal(FitsValueKind.Integer, card.Kind);
        Assert.Equal(42.0, card.Number);
        Assert.Equal("length", card.Comment);
    }

    [Theory]
    [InlineData("1.5D+02", 150.0)]
    [InlineData("1.5d2", 150.0)]
    [InlineData("-2.5E-3", -0.0025)]
    [InlineData(".5", 0.5)]
    [InlineData("-19.0", -19.0)]
    public void RealsAcceptFortranDExponents(string text, double expected)
    {
        var card = FitsCardParser.Parse($"CRVAL1  = {text,20}");
        Assert.Equal(FitsValueKind.Real, card.Kind);
        Assert.Equal(expected, card.Number);
    }

    [Fact]
    public void FreeFormatValuesNeedNotEndInColumn30()
    {
        var card = FitsCardParser.Parse("CRPIX1  =                -19.0");
        Assert.Equal(-19.0, card.Number);
        Assert.Equal(143650817.871094, FitsCardParser.Parse("CRVAL3  = 143650817.871094 / Hz").Number);
    }

    [Fact]
    public void ABlankValueIsUndefinedNotZero()
    {
        var bare = FitsCardParser.Parse("DATAMIN =");
        var withComment = FitsCardParser.Parse("DATAMAX =                      / not known");
        Assert.Equal(FitsValueKind.Undefined, bare.Kind);
        Assert.Equal(FitsValueKind.Undefined, withComment.Kind);
        Assert.Equal("not known", withComment.Comment);
        Assert.True(double.IsNaN(withComment.Number));
    }

    [Theory]
    [InlineData("OBSERVER= 'O''Hara'", "O'Hara")]
    [InlineData("OBSERVER= ''''", "'")]
    [InlineData("OBSERVER= ''", "")]
    [InlineData("OBSERVER= '  lead  '", "  lead")]
    [InlineData("OBSERVER= 'a/b' / the comment", "a/b")]
    [InlineData("OBSERVER= 'CygA    '", "CygA")]
    public void StringsUnescapeQuotesKeepLeadingBlanksAndDropTrailingOnes(string image, string expected)
    {
        var card = FitsCardParser.Parse(image);
        Assert.Equal(FitsValueKind.String, card.Kind);
        Assert.Equal(expected, card.Text);
    }

    [Fact]
    public void ACommentAfterAStringWithASlashIsKeptApart()
    {
        var card = FitsCardParser.Parse("BUNIT   = 'JY/BEAM '           /Brightness (pixel) unit");
        Assert.Equal("JY/BEAM", card.Text);
        Assert.Equal("Brightness (pixel) unit", card.Comment);
    }

    [Fact]
    public void TheValueIsTrustedOverAContradictingComment()
    {
        var card = FitsCardParser.Parse("BITPIX  =                   64 / Floating point (32 bit)");
        Assert.Equal(64.0, card.Number);
        Assert.Equal("Floating point (32 bit)", card.Comment);
    }

    [Fact]
    public void LogicalsAndComplexValuesParse()
    {
        Assert.True(FitsCardParser.Parse("SIMPLE  =                    T / ok").Logical);
        Assert.False(FitsCardParser.Parse("EXTEND  = F").Logical);
        var complex = FitsCardParser.Parse("CVALUE  = (1.0, 2.0) / z");
        Assert.Equal(FitsValueKind.Complex, complex.Kind);
        Assert.Equal("(1.0, 2.0)", complex.Text);
        Assert.Equal("z", complex.Comment);
    }

    [Fact]
    public void HierarchCardsGiveTheLongKeyword()
    {
        var card = FitsCardParser.Parse("HIERARCH ESO DET CHIP TEMP = -120.5 / kelvin");
        Assert.Equal("ESO DET CHIP TEMP", card.Keyword);
        Assert.Equal(-120.5, card.Number);
        Assert.Equal("kelvin", card.Comment);
    }

    [Fact]
    public void CommentaryCardsKeepTheirTextFromColumn9()
    {
        var history = FitsCardParser.Parse("HISTORY AIPS   CLEAN BMAJ=  1.3889E-02 BMIN=  1.3889E-02 BPA=   0.00");
        Assert.Equal(FitsValueKind.None, history.Kind);
        Assert.Equal("AIPS   CLEAN BMAJ=  1.3889E-02 BMIN=  1.3889E-02 BPA=   0.00", history.Text);
        Assert.Equal("", FitsCardParser.Parse(new string(' ', 80)).Keyword);
    }

    [Fact]
    public void AKeywordWithoutEqualsSignHasNoValue()
    {
        var card = FitsCardParser.Parse("NOVALUE  12345");
        Assert.Equal(FitsValueKind.None, card.Kind);
    }
}
