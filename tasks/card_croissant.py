"""croissant.json: MLCommons Croissant 1.0 metadata of a version, written by hand as JSON-LD.

One FileObject and one RecordSet per table; list columns are repeated fields and struct
columns have sub-fields, so mlcroissant can read the records back.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from tasks.manifest import file_sha256

CROISSANT_CONTEXT = {
    "@language": "en", "@vocab": "https://schema.org/", "sc": "https://schema.org/",
    "cr": "http://mlcommons.org/croissant/", "rai": "http://mlcommons.org/croissant/RAI/",
    "dct": "http://purl.org/dc/terms/", "citeAs": "cr:citeAs", "column": "cr:column", "conformsTo": "dct:conformsTo",
    "data": {"@id": "cr:data", "@type": "@json"}, "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "examples": {"@id": "cr:examples", "@type": "@json"}, "extract": "cr:extract", "field": "cr:field",
    "fileObject": "cr:fileObject", "fileProperty": "cr:fileProperty", "fileSet": "cr:fileSet", "format": "cr:format",
    "includes": "cr:includes", "isLiveDataset": "cr:isLiveDataset", "jsonPath": "cr:jsonPath", "key": "cr:key",
    "md5": "cr:md5", "parentField": "cr:parentField", "path": "cr:path", "recordSet": "cr:recordSet",
    "references": "cr:references", "regex": "cr:regex", "repeated": "cr:repeated", "replace": "cr:replace",
    "separator": "cr:separator", "source": "cr:source", "subField": "cr:subField", "transform": "cr:transform",
    "equivalentProperty": "cr:equivalentProperty", "samplingRate": "cr:samplingRate",
}


def _croissant_type(type_: pa.DataType) -> str:
    if pa.types.is_integer(type_):
        return "sc:Integer"
    if pa.types.is_floating(type_):
        return "sc:Float"
    if pa.types.is_boolean(type_):
        return "sc:Boolean"
    return "sc:Text"


def _croissant_field(record: str, file_id: str, field: pa.Field, path: list[str]) -> dict:
    type_, repeated = field.type, False
    while pa.types.is_list(type_) or pa.types.is_large_list(type_):
        type_, repeated = type_.value_type, True
    name = "/".join(path)
    entry = {"@type": "cr:Field", "@id": f"{record}/{name}", "name": name,
             "description": (field.metadata or {}).get(b"description", b"").decode("utf-8")}
    if pa.types.is_struct(type_):
        entry["subField"] = [_croissant_field(record, file_id, type_.field(i), path + [type_.field(i).name]) for i in range(type_.num_fields)]
    else:
        entry["dataType"] = _croissant_type(type_)
    entry["source"] = {"fileObject": {"@id": file_id}, "extract": {"column": path[0]}}
    if len(path) > 1:
        entry["source"]["transform"] = {"jsonPath": "$." + ".".join(path[1:])}
    if repeated:
        entry["repeated"] = True
    return entry


def write_croissant(folder: Path, dataset: str, version: str, tables: dict[str, pa.Table], table_files: dict[str, str]) -> None:
    """croissant.json: Croissant 1.0 JSON-LD with one FileObject and one RecordSet per table."""
    document = {
        "@context": CROISSANT_CONTEXT, "@type": "sc:Dataset", "conformsTo": "http://mlcommons.org/croissant/1.0",
        "name": f"zhpress-{dataset}", "version": version, "inLanguage": "zh",
        "description": "Chinese news articles cleaned, segmented, tokenised and classified (IPTC Media Topics, GB/T 2260 regions) by zhpress.",
        "license": "https://creativecommons.org/licenses/by/4.0/", "url": "README.md",
        "datePublished": "-".join(version.split(".")[:3]),
        "citeAs": f"zhpress {dataset} dataset, version {version}.",
        "distribution": [
            {"@type": "cr:FileObject", "@id": path, "name": path, "contentUrl": path,
             "encodingFormat": "application/x-parquet", "sha256": file_sha256(folder / path)}
            for path in table_files.values()
        ],
        "recordSet": [
            {"@type": "cr:RecordSet", "@id": name, "name": name,
             "field": [_croissant_field(name, table_files[name], f, [f.name]) for f in table.schema]}
            for name, table in tables.items()
        ],
    }
    (folder / "croissant.json").write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
