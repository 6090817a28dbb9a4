namespace Trap.Web.Data;

/// <summary>A row the request names does not exist; answered with 404 and this message.</summary>
public sealed class NotFoundException(string message) : Exception(message);
