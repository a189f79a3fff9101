namespace SociaalDomein.Storage.Queries;

/// <summary>A total and what it is made of: <see cref="AmountCents"/> = <see cref="DebitCents"/> + <see cref="CreditCents"/>, the sum of the lines.</summary>
/// <param name="CreditCents">Sum of the credit lines (negative or 0).</param>
/// <param name="Messages">Number of declaration messages the lines came in.</param>
/// <param name="LinesWithSignals">Lines with at least one signal; they are counted in the total all the same.</param>
public sealed record ExplainTotal(long LineCount, long AmountCents, long DebitCents, long CreditCents, long Messages, long LinesWithSignals);
