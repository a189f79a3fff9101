using System.Globalization;
using SociaalDomein.Messages.Model;
using SociaalDomein.Simulation.Calendar;
using SociaalDomein.Simulation.Planning;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Emission;

/// <summary>
/// Writes a plan out as messages in publish order, one month of declarations at a time: memory holds the plan, one
/// month's 323s, the messages waiting for their publish day and the recipes of the lifecycle messages (made on their
/// publish day), never the whole scenario.
/// </summary>
internal sealed class MessageEmitter(ScenarioPlan plan)
{
    private const int JW301 = 436;
    private const int JW323 = 490;
    private const int BerichtVersie = 3;
    private const int BerichtSubversie = 2;
    private const string XsdVersie = "1.0.0";

    // On the same day allocations go first, then declarations, then copies sent again (the lifecycle traffic fits in between).
    private const int RankToewijzing = LifecycleMessages.RankToewijzing;
    private const int RankDeclaratie = LifecycleMessages.RankDeclaratie;
    private const int RankResend = LifecycleMessages.RankResend;

    private readonly ScenarioOptions _options = plan.Options;
    private readonly LifecycleMessages _lifecycle = new(plan);

    /// <summary>Every enumeration starts afresh and yields the same messages.</summary>
    public IEnumerable<ScenarioMessage> Emit()
    {
        var state = new EmissionState();
        // The lifecycle messages are queued as recipes up front: each is made only on its publish day.
        foreach (var episode in plan.EpisodesInPublishOrder)
        {
            foreach (var item in _lifecycle.Schedule(episode)) state.Enqueue(item);
        }
        for (var month = 0; month < plan.Months.Count; month++)
        {
            // Declarations for a month go out after it ends: everything dated before then is ready to publish.
            var nextMonth = plan.Months[month].AddMonths(1);
            foreach (var message in EmitBefore(state, nextMonth)) yield return message;
            QueueDeclarations(state, month);
        }
        foreach (var message in EmitBefore(state, DateOnly.MaxValue)) yield return message;
    }

    /// <summary>Publishes, in order, the planned 301s and queued messages dated before <paramref name="limit"/>.</summary>
    private IEnumerable<ScenarioMessage> EmitBefore(EmissionState state, DateOnly limit)
    {
        while (true)
        {
            var episodes = plan.EpisodesInPublishOrder;
            var hasEpisode = state.NextEpisode < episodes.Count;
            var episodeKey = hasEpisode ? (episodes[state.NextEpisode].Toewijzingsdatum.DayNumber, RankToewijzing, (long)state.NextEpisode) : default;
            var hasQueued = state.Queue.TryPeek(out var queued, out var queuedKey);

            if (hasEpisode && (!hasQueued || episodeKey.CompareTo(queuedKey) < 0))
            {
                if (episodes[state.NextEpisode].Toewijzingsdatum >= limit) yield break;
                yield return Publish(state, CreateToewijzing(state, episodes[state.NextEpisode++]), isResend: false);
            }
            else if (hasQueued && queued is not null)
            {
                if (queued.PublishDate >= limit) yield break;
                state.Queue.Dequeue();
                var message = queued.Message ?? queued.Build!(municipality => NextToewijzingIdentificatie(state, municipality));
                yield return Publish(state, message, queued.IsResend, queued.PublishDate);
            }
            else
            {
                yield break;
            }
        }
    }

    private ScenarioMessage Publish(EmissionState state, IstdMessage message, bool isResend, DateOnly? publishDate = null)
    {
        var date = publishDate ?? message.Header.Dagtekening;
        var sequence = ++state.Sequence;
        // The retour follows a few working days later; it is queued now, since a 301's Identificatie is known only now.
        if (!isResend && _lifecycle.Retour(message) is { } retour) state.Enqueue(retour);
        return new ScenarioMessage(sequence, ScenarioMessage.BuildName(sequence, date, message), date, message, isResend);
    }

    /// <summary>301s of a municipality are numbered in publish order, planned ones and answers to change requests alike.</summary>
    private static string NextToewijzingIdentificatie(EmissionState state, string municipality)
    {
        var counter = state.ToewijzingCounters[municipality] = state.ToewijzingCounters.GetValueOrDefault(municipality) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"T{counter:D8}");
    }

    private ToewijzingMessage CreateToewijzing(EmissionState state, PlannedEpisode episode)
    {
        var municipality = episode.Contract.Municipality.CbsCode;
        var header = new MessageHeader(JW301, BerichtVersie, BerichtSubversie,
            Afzender: municipality,
            Ontvanger: episode.Contract.Provider.Agb,
            Identificatie: NextToewijzingIdentificatie(state, municipality),
            Dagtekening: episode.Toewijzingsdatum,
            XsdVersie, XsdVersie);
        // A 301 that honours a 315 echoes the request's ReferentieAanbieder (TR379).
        var client = new ToewijzingClient(episode.Client.Bsn, episode.Client.Geboortedatum,
            episode.Allocations.Select(a => a.ToToegewezenProduct() with { ReferentieAanbieder = _lifecycle.ReferentieAanbieder(episode, a) }).ToList());
        var message = new ToewijzingMessage(Standard.IJw, header, [client]);

        var dice = new StableDice(_options.Seed, DiceStream.Toewijzing, episode.Id, 0);
        if (dice.NextDouble() < _options.Noise.ResentShare)
            state.Enqueue(episode.Toewijzingsdatum.AddDays(dice.Next(1, 6)), RankResend, message, isResend: true);
        return message;
    }

    /// <summary>Builds every contract's declaration for one month (plus corrections of the month before) and queues it.</summary>
    private void QueueDeclarations(EmissionState state, int month)
    {
        var monthStart = plan.Months[month];
        var monthIndex = DeliveryModel.MonthIndex(monthStart);
        var correctionsNextMonth = new Dictionary<int, List<PendingCorrection>>();

        foreach (var contract in plan.Contracts)
        {
            var lines = new List<LineSpec>();
            if (state.Corrections.TryGetValue(contract.Index, out var corrections))
            {
                foreach (var c in corrections)
                {
                    lines.Add(new LineSpec(c.Allocation, c.Delivery.Begin, c.Delivery.End, c.Delivery.Volume, DebetCredit.Credit, c.DebitReferentieNummer, Order: 0));
                    lines.Add(new LineSpec(c.Allocation, c.Delivery.Begin, c.Delivery.End, c.Delivery.CorrectedVolume!.Value, DebetCredit.Debet, null, Order: 1));
                }
            }
            foreach (var allocation in contract.Allocations)
            {
                if (plan.TryDeliver(allocation, month, out var delivery))
                    lines.Add(new LineSpec(allocation, delivery.Begin, delivery.End, delivery.Volume, DebetCredit.Debet, null, Order: 2, delivery));
            }
            if (lines.Count == 0) continue;

            var provider = contract.Provider;
            var clients = new List<DeclaratieClient>();
            long total = 0;
            foreach (var clientLines in lines.GroupBy(l => l.Allocation.Episode.Client).OrderBy(g => g.Key.Id))
            {
                var prestaties = new List<Prestatie>();
                foreach (var line in clientLines.OrderBy(l => l.Order).ThenBy(l => l.Begin).ThenBy(l => l.Allocation.ToewijzingNummer))
                {
                    var counter = state.ReferentieCounters[provider.Index] = state.ReferentieCounters.GetValueOrDefault(provider.Index) + 1;
                    var referentie = string.Create(CultureInfo.InvariantCulture, $"R{monthStart:yyMM}{counter:D7}");
                    var allocation = line.Allocation;
                    var prestatie = new Prestatie(
                        referentie,
                        line.VorigReferentieNummer,
                        allocation.ToewijzingNummer,
                        allocation.Product.Categorie,
                        allocation.Product.Code,
                        line.Begin,
                        line.End,
                        line.Volume,
                        allocation.Product.Eenheid,
                        allocation.TariffCents,
                        allocation.AmountCents(line.Volume),
                        line.DebetCredit);
                    prestaties.Add(prestatie);
                    total += prestatie.SignedAmountCents;

                    if (line.Delivery is { CorrectedVolume: not null } corrected)
                    {
                        if (!correctionsNextMonth.TryGetValue(contract.Index, out var pending)) correctionsNextMonth[contract.Index] = pending = [];
                        pending.Add(new PendingCorrection(allocation, corrected, referentie));
                    }
                }
                clients.Add(new DeclaratieClient(clientLines.Key.Bsn, prestaties));
            }

            var dice = new StableDice(_options.Seed, DiceStream.Declaration, contract.Index, monthIndex);
            var late = dice.NextDouble() < _options.Noise.LateShare;
            var workingDay = late ? dice.Next(11, 21) : Math.Clamp(provider.HabitWorkingDay + dice.Next(-1, 3), 1, 10);
            var afterMonth = monthStart.AddMonths(1);
            var dagtekening = DutchWorkingDays.NthWorkingDay(afterMonth.Year, afterMonth.Month, workingDay);

            var municipality = contract.Municipality.CbsCode;
            var header = new MessageHeader(JW323, BerichtVersie, BerichtSubversie,
                Afzender: provider.Agb,
                Ontvanger: municipality,
                Identificatie: string.Create(CultureInfo.InvariantCulture, $"B{monthStart:yyMM}{municipality}"),
                Dagtekening: dagtekening,
                XsdVersie, XsdVersie);
            var message = new DeclaratieMessage(Standard.IJw, header,
                DeclaratieNummer: string.Create(CultureInfo.InvariantCulture, $"D{monthStart:yyMM}{municipality}"),
                PeriodeBegin: monthStart,
                PeriodeEinde: afterMonth.AddDays(-1),
                DeclaratieDagtekening: dagtekening,
                TotaalIngediendBedragCents: total,
                clients);
            state.Enqueue(dagtekening, RankDeclaratie, message, isResend: false);
            if (_lifecycle.Answer(message, contract, monthIndex) is { } answer) state.Enqueue(answer);
            if (dice.NextDouble() < _options.Noise.ResentShare)
                state.Enqueue(dagtekening.AddDays(dice.Next(2, 8)), RankResend, message, isResend: true);
        }
        state.Corrections = correctionsNextMonth;
    }

    /// <param name="Order">Within a client: credits first, then the new debits that replace them, then this month's care.</param>
    private sealed record LineSpec(
        PlannedAllocation Allocation, DateOnly Begin, DateOnly End, long Volume, DebetCredit DebetCredit,
        string? VorigReferentieNummer, int Order, Delivery? Delivery = null);

    /// <summary>A line declared this month that the provider will credit and declare again next month.</summary>
    private sealed record PendingCorrection(PlannedAllocation Allocation, Delivery Delivery, string DebitReferentieNummer);

    /// <summary>A message waiting for its publish day: made already, or made by <paramref name="Build"/> when published.</summary>
    private sealed record Queued(DateOnly PublishDate, IstdMessage? Message, bool IsResend, Func<NextToewijzingIdentificatie, IstdMessage>? Build = null);

    /// <summary>The state of one enumeration, so that enumerating again gives the same messages.</summary>
    private sealed class EmissionState
    {
        private long _queued;

        public PriorityQueue<Queued, (int Day, int Rank, long Order)> Queue { get; } = new();
        public int NextEpisode { get; set; }
        public long Sequence { get; set; }
        public Dictionary<string, int> ToewijzingCounters { get; } = [];
        public Dictionary<int, long> ReferentieCounters { get; } = [];
        public Dictionary<int, List<PendingCorrection>> Corrections { get; set; } = [];

        public void Enqueue(DateOnly publishDate, int rank, IstdMessage message, bool isResend) =>
            Queue.Enqueue(new Queued(publishDate, message, isResend), (publishDate.DayNumber, rank, _queued++));

        public void Enqueue(LifecycleItem item) =>
            Queue.Enqueue(new Queued(item.PublishDate, null, IsResend: false, item.Build), (item.PublishDate.DayNumber, item.Rank, _queued++));
    }
}
