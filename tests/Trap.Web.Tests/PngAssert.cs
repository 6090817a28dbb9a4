using System.Buffers.Binary;

namespace Trap.Web.Tests;

/// <summary>Checks on PNG bytes (screenshots, the site's stamps): the signature and the size the IHDR chunk gives.</summary>
internal static class PngAssert
{
    public static void HasSize(byte[] bytes, int width, int height)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
