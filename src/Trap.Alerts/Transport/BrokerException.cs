namespace Trap.Alerts;

/// <summary>A packet could not be delivered to a broker; the message names the broker, the packet and what to do.</summary>
public sealed class BrokerException : Exception
{
    public BrokerException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
