namespace Trap.Alerts;

/// <summary>The broker's answer to one packet: ack (accepted) or nak (refused, with its reason), after how many attempts.</summary>
public sealed record SendResult(string Ivorn, bool Acknowledged, string? Reason, int Attempts);
