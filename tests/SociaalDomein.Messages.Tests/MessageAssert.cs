using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Tests;

/// <summary>Value comparison of messages: records compare their lists by reference, so lists are compared element by element.</summary>
internal static class MessageAssert
{
    public static bool Same(IstdMessage expected, IstdMessage actual) => (expected, actual) switch
    {
        (DeclaratieMessage e, DeclaratieMessage a) =>
            e with { Clients = NoDeclaratieClients } == a with { Clients = NoDeclaratieClients }
            && e.Clients.Count == a.Clients.Count
            && e.Clients.Zip(a.Clients).All(p => p.First.Bsn == p.Second.Bsn && p.First.Prestaties.SequenceEqual(p.Second.Prestaties)),
        (ToewijzingMessage e, ToewijzingMessage a) =>
            e with { Clients = NoToewijzingClients } == a with { Clients = NoToewijzingClients }
            && e.Clients.Count == a.Clients.Count
            && e.Clients.Zip(a.Clients).All(p => p.First.Bsn == p.Second.Bsn
                                               && p.First.Geboortedatum == p.Second.Geboortedatum
                                               && p.First.Producten.SequenceEqual(p.Second.Producten)),
        _ => false,
    };

    public static void Equivalent(IstdMessage expected, IstdMessage actual) =>
        Assert.True(Same(expected, actual), $"messages differ:\nexpected {expected}\nactual   {actual}");

    private static readonly IReadOnlyList<DeclaratieClient> NoDeclaratieClients = [];
    private static readonly IReadOnlyList<ToewijzingClient> NoToewijzingClients = [];
}
