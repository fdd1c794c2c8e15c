/**
 * `kessai/postal-build`: the postal data pipeline, from Japan Post's files
 * (utf_ken_all.zip, KEN_ALL.CSV) or jquery-jpostal-ja to the shards
 * `<kessai-address-fields>` fetches. Used by the `kessai-postal` command
 * (scripts/postal-data.js); no runtime entry point carries it.
 */
export {
  buildShards,
  cleanBusinessAddress,
  cleanTownName,
  decodeJapanPostText,
  isZip,
  mergeSplitRows,
  parseCsv,
  parseJpostalFile,
  parseKenAllCsv,
  PostalDataError,
  readKenAll,
  readZip,
  shardKey,
  unzipEntry,
  type KenAllRow,
  type PostalEntry,
  type ShardRow,
  type ZipEntry,
} from './core/postal-data.js';
