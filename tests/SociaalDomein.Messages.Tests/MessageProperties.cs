using FsCheck.Xunit;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;

namespace SociaalDomein.Messages.Tests;

[Properties(Arbitrary = [typeof(MessageGenerators)], MaxTest = 200)]
public sealed class MessageProperties
{
    [Property]
    public void Any_valid_declaration_round_trips(DeclaratieMessage declaratie) =>
        MessageAssert.Equivalent(declaratie, MessageReader.Read(MessageWriter.Write(declaratie), "generated"));

    [Property(MaxTest = 400)]
    public void Any_message_of_any_type_standard_and_release_round_trips(IstdMessage message) =>
        MessageAssert.Equivalent(message, MessageReader.Read(MessageWriter.Write(message), "generated"));

    [Property]
    public void Any_valid_allocation_round_trips(ToewijzingMessage toewijzing) =>
        MessageAssert.Equivalent(toewijzing, MessageReader.Read(MessageWriter.Write(toewijzing), "generated"));

    [Property]
    public void A_truncated_message_is_refused_with_InvalidMessageException_and_nothing_else(Truncation truncation)
    {
        var bytes = MessageWriter.Write(truncation.Declaratie);
        var kept = bytes.AsMemory(0, (int)((long)bytes.Length * truncation.Permille / 1000));

        var refusal = Record.Exception(() => MessageReader.Read(kept, "truncated"));

        Assert.IsType<InvalidMessageException>(refusal);
    }

    [Property]
    public void A_corrupted_byte_either_reads_or_is_refused_with_InvalidMessageException(Corruption corruption)
    {
        var bytes = MessageWriter.Write(corruption.Declaratie);
        bytes[corruption.Position % bytes.Length] = corruption.Value;

        var failure = Record.Exception(() => MessageReader.Read(bytes, "corrupted"));

        if (failure is not null) Assert.IsType<InvalidMessageException>(failure);
    }
}
