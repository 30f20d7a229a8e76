// Messages of the `encoding` rule: a NUL or an invalid byte in the file, or another encoding than
// UTF-8. Merged into the one bundle per locale by messages.ts.

export const zh = {
  encodingOther:
    '文件以 {encoding} 编码保存，已按该编码读取；本格式要求 UTF-8：请另存为 UTF-8（如 iconv -f {encoding} -t UTF-8 原文件 > 新文件）',
  encodingNul: '文件第 {offset} 字节处有一个 NUL 字节（0x00）：文本文件中不应出现，可能是文件损坏或混入了二进制内容',
  encodingBadByte:
    '文件第 {offset} 字节处的 {byte} 不是有效的 UTF-8 字节（已按 U+FFFD 读取）：文件可能已损坏，或部分内容以其他编码保存',
  encodingNulChar: '此处有一个 NUL 字符（U+0000）：文本文件中不应出现，可能是文件损坏或混入了二进制内容',
  encodingReplacement:
    '此处有一个替换字符（U+FFFD）：文件中有无效的 UTF-8 字节，或以其他编码（如 GBK/GB18030）保存；请以 UTF-8 编码重新保存',
} as const;

export const en: Record<keyof typeof zh, string> = {
  encodingOther:
    'The file is encoded in {encoding} and was read as such; the format requires UTF-8: save it as UTF-8 (e.g. iconv -f {encoding} -t UTF-8 old > new)',
  encodingNul:
    'A NUL byte (0x00) at byte {offset} of the file: a text file has none; the file may be damaged or hold binary content',
  encodingBadByte:
    '{byte} at byte {offset} of the file is not valid UTF-8 (read as U+FFFD): the file may be damaged, or partly in another encoding',
  encodingNulChar: 'A NUL character (U+0000): a text file has none; the file may be damaged or hold binary content',
  encodingReplacement:
    'A replacement character (U+FFFD): the file holds invalid UTF-8 bytes, or is in another encoding (such as GBK/GB18030); save it as UTF-8',
};
