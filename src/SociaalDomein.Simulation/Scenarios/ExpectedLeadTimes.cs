using SociaalDomein.Messages.Model;
using SociaalDomein.Simulation.Calendar;

namespace SociaalDomein.Simulation.Scenarios;

/// <summary>
/// What a correct lead-time monitor must count per contract as of a day, computed from the messages alone (like
/// <see cref="ExpectedTotals"/>), so a test can assert the LeadTime figures of issue #5 exactly.
/// </summary>
/// <remarks>
/// The rules, in DOMAIN.md §4's deadlines; "working day" is <see cref="DutchWorkingDays"/> (weekends and Dutch public holidays off):
/// <list type="bullet">
/// <item>A message arrives on its Dagtekening; messages dated after the as-of day are not yet there; a resent copy (same
/// identity) counts once.</item>
/// <item><b>Requests</b> are counted per ReferentieAanbieder (each 315 AangevraagdProduct has its own, a 317 has one). The answer
/// is the first 301 of the same municipality to the same provider with a ToegewezenProduct echoing it, or the first 319
/// naming it (also "aanvraag in onderzoek"). Due: the 5th working day after the request.</item>
/// <item><b>Starts</b> are counted per allocation (municipality, ToewijzingNummer). The start is due on the later of the first
/// 301's Dagtekening and the Ingangsdatum of the allocation's current version; it is met by the first 305 with a StartProduct
/// for that ToewijzingNummer (StatusAanlevering not 3). "Without 305 after N days": the as-of day is more than N calendar days
/// after the due day. Allocations whose current version has RedenWijziging 13 (deleted) are left out.</item>
/// <item><b>Declarations</b> are counted per 323 identity; the answer is the first 325 whose DeclaratieIdentificatie names it.
/// Due: the 10th working day after the 323's Dagtekening.</item>
/// <item>On time means answered on or before the due day; late, after it; unanswered (the alert), not answered by the as-of
/// day while the due day lies before it; open, not answered and not yet overdue.</item>
/// </list>
/// </remarks>
public sealed class ExpectedLeadTimes
{
    public const int RequestAnswerWorkingDays = 5;
    public const int DeclarationAnswerWorkingDays = 10;

    private readonly Dictionary<ScenarioContract, ContractLeadTimes> _byContract;

    private ExpectedLeadTimes(DateOnly asOf, int startWithinDays, Dictionary<ScenarioContract, ContractLeadTimes> byContract)
    {
        AsOf = asOf;
        StartWithinDays = startWithinDays;
        _byContract = byContract;
        Total = byContract.Values.Aggregate(ContractLeadTimes.Zero, (sum, c) => sum + c);
    }

    /// <summary>The day the figures hold on (messages dated later are not counted).</summary>
    public DateOnly AsOf { get; }

    /// <summary>N in "a 301 without 305 after N days" (calendar days after the start was due).</summary>
    public int StartWithinDays { get; }

    /// <summary>Per contract that has any request, allocation or declaration.</summary>
    public IReadOnlyDictionary<ScenarioContract, ContractLeadTimes> ByContract => _byContract;

    /// <summary>All contracts together.</summary>
    public ContractLeadTimes Total { get; }

    public ContractLeadTimes For(string municipalityCode, string providerAgb) =>
        _byContract.GetValueOrDefault(new ScenarioContract(municipalityCode, providerAgb)) ?? ContractLeadTimes.Zero;

    public static ExpectedLeadTimes From(IEnumerable<ScenarioMessage> messages, DateOnly asOf, int startWithinDays) =>
        From(messages.Select(m => m.Message), asOf, startWithinDays);

    /// <summary>One pass over the messages in any order; holds one entry per request, allocation and declaration.</summary>
    public static ExpectedLeadTimes From(IEnumerable<IstdMessage> messages, DateOnly asOf, int startWithinDays)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentOutOfRangeException.ThrowIfNegative(startWithinDays);
        var seen = new HashSet<MessageKey>();
        var requests = new Dictionary<(ScenarioContract Contract, string Referentie), (DateOnly Asked, DateOnly? Answered)>();
        var answers = new Dictionary<(ScenarioContract Contract, string Referentie), DateOnly>();
        var allocations = new Dictionary<(string Municipality, long Nummer), AllocationSeen>();
        var starts = new Dictionary<(string Municipality, long Nummer), DateOnly>();
        var declarations = new Dictionary<MessageKey, (ScenarioContract Contract, DateOnly Sent)>();
        var declarationAnswers = new Dictionary<MessageKey, DateOnly>();

        foreach (var message in messages)
        {
            var day = message.Header.Dagtekening;
            if (day > asOf || !seen.Add(message.Key)) continue;
            var contract = new ScenarioContract(message.MunicipalityCode, message.ProviderAgb);
            switch (message)
            {
                case VerzoekOmToewijzingMessage verzoek:
                    foreach (var product in verzoek.Client.Producten) Asked(requests, (contract, product.ReferentieAanbieder), day);
                    break;
                case VerzoekOmWijzigingMessage wijziging:
                    Asked(requests, (contract, wijziging.Verzoek.ReferentieAanbieder), day);
                    break;
                case AntwoordMessage antwoord:
                    Earliest(answers, (contract, antwoord.Antwoord.ReferentieAanbieder), day);
                    break;
                case ToewijzingMessage toewijzing:
                    foreach (var product in toewijzing.Clients.SelectMany(c => c.Producten))
                    {
                        if (product.ReferentieAanbieder is { } referentie) Earliest(answers, (contract, referentie), day);
                        var key = (message.MunicipalityCode, product.ToewijzingNummer);
                        allocations[key] = allocations.TryGetValue(key, out var known) ? known.With(product, day) : new AllocationSeen(contract, day, product);
                    }
                    break;
                case StartZorgMessage start:
                    foreach (var product in start.Client.Producten)
                    {
                        if (product.ToewijzingNummer is { } nummer && product.StatusAanlevering != "3") Earliest(starts, (message.MunicipalityCode, nummer), day);
                    }
                    break;
                case DeclaratieMessage:
                    declarations[message.Key] = (contract, day);
                    break;
                case DeclaratieAntwoordMessage antwoord:
                    Earliest(declarationAnswers, antwoord.OriginalMessageKey, day);
                    break;
            }
        }

        var byContract = new Dictionary<ScenarioContract, Counter>();
        Counter Of(ScenarioContract contract) => byContract.TryGetValue(contract, out var c) ? c : byContract[contract] = new Counter();

        foreach (var ((contract, referentie), (asked, _)) in requests)
        {
            var due = DutchWorkingDays.AddWorkingDays(asked, RequestAnswerWorkingDays);
            Of(contract).Request(Classify(answers.TryGetValue((contract, referentie), out var a) ? a : null, due, asOf));
        }
        foreach (var (key, allocation) in allocations)
        {
            if (allocation.Current.RedenWijziging == "13") continue;
            var due = allocation.FirstGranted > allocation.Current.Ingangsdatum ? allocation.FirstGranted : allocation.Current.Ingangsdatum;
            Of(allocation.Contract).Start(Classify(starts.TryGetValue(key, out var s) ? s : null, due.AddDays(startWithinDays), asOf));
        }
        foreach (var (key, (contract, sent)) in declarations)
        {
            var due = DutchWorkingDays.AddWorkingDays(sent, DeclarationAnswerWorkingDays);
            Of(contract).Declaration(Classify(declarationAnswers.TryGetValue(key, out var a) ? a : null, due, asOf));
        }
        return new ExpectedLeadTimes(asOf, startWithinDays, byContract.ToDictionary(c => c.Key, c => c.Value.ToLeadTimes()));
    }

    private enum Outcome { OnTime, Late, Overdue, Open }

    private static Outcome Classify(DateOnly? answered, DateOnly due, DateOnly asOf) => answered switch
    {
        { } day when day <= due => Outcome.OnTime,
        not null => Outcome.Late,
        null when asOf > due => Outcome.Overdue,
        _ => Outcome.Open,
    };

    private static void Asked<TKey>(Dictionary<TKey, (DateOnly Asked, DateOnly? Answered)> requests, TKey key, DateOnly day) where TKey : notnull
    {
        if (!requests.TryGetValue(key, out var known) || day < known.Asked) requests[key] = (day, null);
    }

    private static void Earliest<TKey>(Dictionary<TKey, DateOnly> days, TKey key, DateOnly day) where TKey : notnull
    {
        if (!days.TryGetValue(key, out var known) || day < known) days[key] = day;
    }

    /// <summary>An allocation as seen so far: when it was first granted and its current version (latest Toewijzingsdatum+tijd).</summary>
    private sealed record AllocationSeen(ScenarioContract Contract, DateOnly FirstGranted, ToegewezenProduct Current)
    {
        public AllocationSeen With(ToegewezenProduct version, DateOnly day) => this with
        {
            FirstGranted = day < FirstGranted ? day : FirstGranted,
            Current = (version.Toewijzingsdatum, version.Toewijzingstijd).CompareTo((Current.Toewijzingsdatum, Current.Toewijzingstijd)) > 0 ? version : Current,
        };
    }

    private sealed class Counter
    {
        private readonly int[] _requests = new int[4];
        private readonly int[] _starts = new int[4];
        private readonly int[] _declarations = new int[4];

        public void Request(Outcome outcome) => _requests[(int)outcome]++;
        public void Start(Outcome outcome) => _starts[(int)outcome]++;
        public void Declaration(Outcome outcome) => _declarations[(int)outcome]++;

        public ContractLeadTimes ToLeadTimes() => new(
            _requests.Sum(), _requests[0], _requests[1], _requests[2], _requests[3],
            _starts.Sum(), _starts[0], _starts[1], _starts[2], _starts[3],
            _declarations.Sum(), _declarations[0], _declarations[1], _declarations[2], _declarations[3]);
    }
}
