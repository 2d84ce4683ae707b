/**
 * A zip archive written as it is read: each entry's bytes are pulled from its source, deflated by
 * the runtime's own `CompressionStream` (zlib in workerd, not JavaScript), checksummed and sent
 * on, so an archive of any size holds one chunk at a time. Sizes and CRCs are not known when an
 * entry's header goes out, so each entry is followed by a data descriptor (general purpose bit 3),
 * as streaming zip writers do; the central directory at the end carries them too.
 *
 * No ZIP64: an entry or the archive may not pass 4 GiB. An export cannot get near it (Excel's
 * 1,048,576 rows of a ballot are about 200 MB of XML), and a bigger one fails loudly rather than
 * writing a broken file.
 */

export interface ZipEntry {
  /** Path inside the archive, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  /** The entry's bytes, pulled as the archive is read. */
  data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

const encoder = new TextEncoder();
const LIMIT = 0xffff_ffff;
// Bit 3: sizes and CRC follow in a data descriptor; bit 11: names are UTF-8.
const FLAGS = 0x0808;
const DEFLATE = 8;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb8_8320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The running CRC-32 (as zip uses it) of `crc`'s bytes followed by `bytes`; start from 0. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** MS-DOS time and date, as a zip header holds them, for `when` in UTC. */
function dosTime(when: Date): { time: number; date: number } {
  return {
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
    date: ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
  };
}

function record(size: number, fill: (view: DataView) => void, name?: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(size + (name?.length ?? 0));
  fill(new DataView(bytes.buffer));
  if (name) bytes.set(name, size);
  return bytes;
}

interface Written {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** `source` deflated (raw DEFLATE, as zip stores it), pulled only as fast as it is read. */
async function* deflated(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, seen: (chunk: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  const input = (async function* () {
    for await (const chunk of source) {
      seen(chunk);
      yield chunk;
    }
  })();
  const plain = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await input.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await input.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
  const reader = plain.pipeThrough(new CompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** The archive's bytes, chunk by chunk: each entry is read to its end before the next is asked for. */
export async function* zipChunks(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>, now = new Date()): AsyncGenerator<Uint8Array> {
  const { time, date } = dosTime(now);
  const written: Written[] = [];
  let offset = 0;
  const check = (n: number, what: string) => {
    if (n > LIMIT) throw new Error(`${what} passed 4 GiB, which a zip without ZIP64 cannot hold`);
    return n;
  };
  for await (const entry of entries) {
    const name = encoder.encode(entry.path);
    const header = record(30, (v) => {
      v.setUint32(0, 0x0403_4b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, FLAGS, true);
      v.setUint16(8, DEFLATE, true);
      v.setUint16(10, time, true);
      v.setUint16(12, date, true);
      // CRC and sizes (14–25) are 0 here: the data descriptor carries them.
      v.setUint16(26, name.length, true);
    }, name);
    const start = offset;
    offset += header.length;
    yield header;
    let crc = 0;
    let size = 0;
    let compressed = 0;
    for await (const chunk of deflated(entry.data, (plain) => {
      crc = crc32(plain, crc);
      size = check(size + plain.length, entry.path);
    })) {
      compressed = check(compressed + chunk.length, entry.path);
      offset += chunk.length;
      yield chunk;
    }
    const descriptor = record(16, (v) => {
      v.setUint32(0, 0x0807_4b50, true);
      v.setUint32(4, crc, true);
      v.setUint32(8, compressed, true);
      v.setUint32(12, size, true);
    });
    offset = check(offset + descriptor.length, 'The archive');
    yield descriptor;
    written.push({ name, crc, compressed, size, offset: start });
  }
  const directoryStart = offset;
  for (const w of written) {
    const central = record(46, (v) => {
      v.setUint32(0, 0x0201_4b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 20, true);
      v.setUint16(8, FLAGS, true);
      v.setUint16(10, DEFLATE, true);
      v.setUint16(12, time, true);
      v.setUint16(14, date, true);
      v.setUint32(16, w.crc, true);
      v.setUint32(20, w.compressed, true);
      v.setUint32(24, w.size, true);
      v.setUint16(28, w.name.length, true);
      v.setUint32(42, w.offset, true);
    }, w.name);
    offset = check(offset + central.length, 'The archive');
    yield central;
  }
  yield record(22, (v) => {
    v.setUint32(0, 0x0605_4b50, true);
    v.setUint16(8, written.length, true);
    v.setUint16(10, written.length, true);
    v.setUint32(12, offset - directoryStart, true);
    v.setUint32(16, directoryStart, true);
  });
}
