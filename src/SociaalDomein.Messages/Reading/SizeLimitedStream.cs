namespace SociaalDomein.Messages.Reading;

/// <summary>
/// Read-only view of a caller's stream that refuses to deliver more than a fixed number of bytes, so a
/// non-seekable input larger than the standard's limit is stopped while streaming instead of buffered first.
/// </summary>
internal sealed class SizeLimitedStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte beyond the limit so "exactly the limit" passes and "one more" is caught.
        var allowed = (int)Math.Min(buffer.Length, limit + 1 - _read);
        if (allowed <= 0) throw new MessageTooLargeException(_read);
        var read = inner.Read(buffer[..allowed]);
        _read += read;
        if (_read > limit) throw new MessageTooLargeException(_read);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The input passed the size limit while being read.</summary>
internal sealed class MessageTooLargeException(long bytesRead)
    : Exception($"The input is larger than {MessageReader.MaxMessageBytes} bytes.")
{
    public long BytesRead { get; } = bytesRead;
}
