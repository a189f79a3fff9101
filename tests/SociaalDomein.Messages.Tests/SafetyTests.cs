using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;

namespace SociaalDomein.Messages.Tests;

/// <summary>A file at the standard's 25 MB limit is read streaming, in memory proportional to what is kept, not to the file.</summary>
public sealed class SafetyTests
{
    /// <summary>About 950 bytes per prestatie as the writer indents it: 27 000 prestaties come close to the limit.</summary>
    private const int Lines = 27_000;

    private static readonly Lazy<byte[]> AlmostTwentyFiveMegabytes = new(() =>
    {
        var bytes = MessageWriter.Write(SampleDeclaration.Build(Lines));
        Assert.InRange(bytes.Length, 20 * 1024 * 1024, MessageReader.MaxMessageBytes);
        return bytes;
    });

    [Fact]
    public void A_valid_declaration_of_almost_25_MB_is_read_and_validated_completely()
    {
        var result = MessageReader.ReadAndValidate(AlmostTwentyFiveMegabytes.Value, "big.xml");

        var declaratie = Assert.IsType<DeclaratieMessage>(result.Message);
        Assert.Equal(Lines, declaratie.Lines.Count());
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Reading_25_MB_allocates_less_than_the_file_itself()
    {
        var bytes = AlmostTwentyFiveMegabytes.Value;
        MessageReader.Read(bytes, "warm-up.xml");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var message = MessageReader.Read(bytes, "big.xml");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // A DOM of the file would take several times its size; streaming keeps only the model (27 000 small records).
        Assert.InRange(allocated, 1, bytes.Length / 2);
        Assert.Equal(Lines, Assert.IsType<DeclaratieMessage>(message).Lines.Count());
    }

    [Fact]
    public void Memory_grows_with_the_lines_kept_not_with_the_bytes_read()
    {
        var small = MessageWriter.Write(SampleDeclaration.Build(1_000));
        var large = AlmostTwentyFiveMegabytes.Value;
        MessageReader.Read(small, "warm-up.xml");

        var perLineSmall = AllocatedPerLine(small, 1_000);
        var perLineLarge = AllocatedPerLine(large, Lines);

        // Per line the cost stays flat (no buffering of the input): within a factor 1.5 between 1 000 and 27 000 lines.
        Assert.InRange(perLineLarge, perLineSmall / 1.5, perLineSmall * 1.5);
    }

    private static double AllocatedPerLine(byte[] xml, int lines)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        MessageReader.Read(xml, "measure.xml");
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)lines;
    }

    [Fact]
    public void One_byte_over_25_MB_is_refused_even_when_it_is_a_valid_message_otherwise()
    {
        var bytes = AlmostTwentyFiveMegabytes.Value;
        var padded = new byte[MessageReader.MaxMessageBytes + 1];
        bytes.CopyTo(padded, 0);
        padded.AsSpan(bytes.Length).Fill((byte)' ');

        var refusal = Assert.Throws<InvalidMessageException>(() => MessageReader.Read(padded, "padded.xml"));

        Assert.Equal(RuleCodes.Size, Assert.Single(refusal.Errors).Rule);
    }

    [Fact]
    public void A_stream_of_almost_25_MB_is_read_without_knowing_its_length()
    {
        using var stream = new NonSeekable(new MemoryStream(AlmostTwentyFiveMegabytes.Value));

        var message = MessageReader.Read(stream, "stream");

        Assert.Equal(Lines, Assert.IsType<DeclaratieMessage>(message).Lines.Count());
    }

    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
