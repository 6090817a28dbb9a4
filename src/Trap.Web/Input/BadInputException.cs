namespace Trap.Web.Input;

/// <summary>A request whose parameters cannot be used; answered with 400 and this message.</summary>
public sealed class BadInputException(string message) : Exception(message);
