SELECT /*[TR_UNSUPPORTED_EXPRESSION]*/ PARSE(o.text_date AS date USING 'en-GB') /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS parsed, /*[TR_UNSUPPORTED_EXPRESSION]*/ NEXT VALUE FOR dw.order_numbers /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS next_number, /*[TR_UNSUPPORTED_EXPRESSION]*/ o.shape.STArea() /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS area, /*[TR_UNSUPPORTED_EXPRESSION]*/ geography::Point(47.6, -122.3, 4326) /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS point, /*[TR_UNSUPPORTED_EXPRESSION]*/ o.ordered_at AT TIME ZONE 'Pacific Standard Time' /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS local_time, /*[TR_UNSUPPORTED_FUNCTION]*/ JSON_MODIFY(o.doc, '$.status', 'done') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS modified, /*[TR_UNSUPPORTED_FUNCTION]*/ DIFFERENCE(o.name, 'Smith') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS similar, /*[TR_UNSUPPORTED_FUNCTION]*/ PATINDEX(o.pattern, o.name) /*[/TR_UNSUPPORTED_FUNCTION]*/ AS dynamic_pattern FROM shellcorp.gold.orders AS o;

-- statements: 1/1 translated, 0 raw
-- error TR_UNSUPPORTED_EXPRESSION 2:8 PARSE uses .NET culture rules: rewrite with to_date, to_timestamp or a cast
-- error TR_UNSUPPORTED_EXPRESSION 3:8 sequences have no equivalent: use an identity column or row_number()
-- error TR_UNSUPPORTED_EXPRESSION 4:8 the .STArea() method of an xml or CLR value has no equivalent
-- error TR_UNSUPPORTED_EXPRESSION 5:8 geography::Point() has no equivalent
-- error TR_UNSUPPORTED_EXPRESSION 6:8 AT TIME ZONE uses Windows time zone names: rewrite with from_utc_timestamp / to_utc_timestamp
-- error TR_UNSUPPORTED_FUNCTION 7:8 JSON_MODIFY(): JSON documents are not modified in place: rebuild the value with to_json / named_struct
-- error TR_UNSUPPORTED_FUNCTION 8:8 DIFFERENCE(): no equivalent of SOUNDEX differences
-- error TR_UNSUPPORTED_FUNCTION 9:8 PATINDEX with a pattern that is not a literal: write it with regexp_instr
