/**
 * Response bodies produced piece by piece: the generator is pulled only as fast as the client
 * reads, so an export of a million rows holds one page of rows in memory, not the file.
 */
export function streamText(pieces: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return streamBytes((async function* () {
    for await (const piece of pieces) yield encoder.encode(piece);
  })());
}

/** The same for bytes (an XLSX file as it is zipped). */
export function streamBytes(pieces: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
