namespace Trap.Alerts;

/// <summary>A packet could not be delivered to a broker; the message names the broker, the packet and what to do.</summary>
public sealed class BrokerException : Exception
{
    public BrokerException(string message, Exception? inner = null, bool unreachable = false) : base(message, inner) => Unreachable = unreachable;

    /// <summary>No attempt reached the broker (connection refused, no such host, no route): every other packet would fail the same way.</summary>
    public bool Unreachable { get; }
}
