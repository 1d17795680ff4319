import { write, writeSync, writev } from 'node:fs';

export interface LineBlockOutputOptions {
  /** A block is written once it holds this many bytes, or at the next flush. @default 65536 */
  blockBytes?: number;
  /** What has gathered is written at least this often, so a quiet server's lines do not wait. @default 100 */
  flushEveryMs?: number;
  /**
   * Bytes waiting for a reader that does not keep up (a full pipe) before new lines are dropped, and
   * counted in a line written once the output drains. @default 64 MiB
   */
  maxPendingBytes?: number;
}

/** What pino needs of a destination, and what the process needs at its end. */
export interface LineBlockOutput {
  write(line: string): boolean;
  /** Calls back once everything written so far has reached the file descriptor. */
  flush(callback?: (error?: Error | null) => void): void;
  /** Writes what is waiting at once, blocking: for the process's last moment. */
  flushSync(): void;
  /** Lines dropped because the reader did not keep up. */
  readonly dropped: number;
  /** Times a write found the reader's pipe full (EAGAIN) and was tried again. */
  readonly retries: number;
}

// What a UTF-16 code unit can take in UTF-8, so a line always fits where it is copied.
const maxBytesPerUnit = 3;
const retryAfterMs = 10;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * A log destination that copies each line into a block of memory and writes whole blocks with one
 * asynchronous `write` (or `writev`, when several wait). Lines keep their order, a short write goes
 * on from where it stopped, and a full non-blocking pipe (EAGAIN) is tried again. Written by hand:
 * sonic-boom, pino's own, measures the whole waiting string again on every line, which made a warm
 * cached read's log line cost more than the rest of the request (pnpm bench:observability); Node's
 * fs.WriteStream costs twice this a line and stops at the first EAGAIN.
 */
export function lineBlockOutput(fd: number, { blockBytes = 65_536, flushEveryMs = 100, maxPendingBytes = 64 * 1024 * 1024 }: LineBlockOutputOptions = {}): LineBlockOutput {
  let block: Buffer = Buffer.allocUnsafeSlow(blockBytes);
  let used = 0;
  /** Sealed blocks in order; while `writing`, all of them as they were then are on their way. */
  let sealed: Buffer[] = [];
  let sealedBytes = 0;
  let writing = false;
  let dropped = 0;
  let retries = 0;
  let droppedReported = 0;
  let waiting: ((error?: Error | null) => void)[] = [];
  /** Blocks written out, to be filled again: a block a write would otherwise be memory outside the heap to collect. */
  const spare: Buffer[] = [];
  const freshBlock = () => spare.pop() ?? Buffer.allocUnsafeSlow(blockBytes);

  const seal = () => {
    if (used === 0) return;
    sealed.push(block.subarray(0, used));
    sealedBytes += used;
    block = freshBlock();
    used = 0;
  };

  const settle = (error: Error | null) => {
    if (writing || (sealed.length > 0 && !error)) return;
    const callbacks = waiting;
    waiting = [];
    for (const callback of callbacks) callback(error);
  };

  /** Removes `bytes` written bytes from the front of the sealed blocks. */
  const consume = (bytes: number) => {
    sealedBytes -= bytes;
    while (bytes > 0 && sealed.length > 0) {
      const first = sealed[0] as Buffer;
      if (first.length > bytes) {
        sealed[0] = first.subarray(bytes);
        return;
      }
      bytes -= first.length;
      sealed.shift();
      if (first.buffer.byteLength === blockBytes && spare.length < 4) spare.push(Buffer.from(first.buffer, 0, blockBytes));
    }
  };

  const writeSealed = () => {
    if (writing || sealed.length === 0) return;
    const batch = sealed.slice();
    writing = true;
    const done = (error: NodeJS.ErrnoException | null, bytes: number) => {
      writing = false;
      if (error?.code === 'EAGAIN') {
        retries += 1;
        setTimeout(writeSealed, retryAfterMs);
        return;
      }
      if (error) {
        // Nowhere left to log to: the lines are given up rather than kept forever.
        sealed = [];
        sealedBytes = 0;
        settle(error);
        return;
      }
      consume(bytes);
      if (sealed.length > 0) writeSealed();
      else settle(null);
    };
    if (batch.length === 1) write(fd, batch[0] as Buffer, 0, (batch[0] as Buffer).length, null, done);
    else writev(fd, batch, null, done);
  };

  const reportDropped = () => {
    const count = dropped - droppedReported;
    droppedReported = dropped;
    append(`{"level":40,"time":${Date.now()},"msg":"${count} log lines dropped: the log output did not keep up"}\n`);
  };

  function append(line: string): void {
    const room = line.length * maxBytesPerUnit;
    if (used + room > block.length) {
      seal();
      if (room > block.length) block = Buffer.allocUnsafeSlow(room);
    }
    used += block.write(line, used);
    if (used >= blockBytes) {
      seal();
      writeSealed();
    }
  }

  const timer = setInterval(() => {
    seal();
    writeSealed();
  }, flushEveryMs);
  timer.unref();

  return {
    write(line) {
      if (sealedBytes + used > maxPendingBytes) {
        dropped += 1;
        return false;
      }
      if (dropped > droppedReported) reportDropped();
      append(line);
      return true;
    },
    flush(callback) {
      seal();
      if (callback) waiting.push(callback);
      if (sealed.length === 0 && !writing) settle(null);
      else writeSealed();
    },
    flushSync() {
      seal();
      // A block on its way is written again: a line twice at the very end, never a line lost.
      for (const chunk of sealed) {
        for (let offset = 0; offset < chunk.length;) {
          try {
            offset += writeSync(fd, chunk, offset);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
            sleep(retryAfterMs);
          }
        }
      }
      sealed = [];
      sealedBytes = 0;
    },
    get dropped() {
      return dropped;
    },
    get retries() {
      return retries;
    },
  };
}
