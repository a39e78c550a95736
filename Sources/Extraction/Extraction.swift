/// Text extraction from document formats (placeholder namespace while formats land).
public enum Extraction {}
