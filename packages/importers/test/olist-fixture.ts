/** A tiny Olist export (the five files an import reads) that exercises every mapping rule. */

const customers = `"customer_id","customer_unique_id","customer_zip_code_prefix","customer_city","customer_state"
c1,uA,01001,sao paulo,SP
c2,uA,01001,sao paulo,SP
c3,uB,20000,rio de janeiro,RJ
c4,uC,30000,belo horizonte,MG
c5,uD,40000,salvador,BA
`

export const ORDERS_HEADER =
  'order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date'

// o1: bought in the hour skipped when daylight saving time began (2017-10-15 00:00 → 01:00)
// o2: cancelled although the export dates a delivery; handed to the carrier before it was placed
// o3: unavailable, no items; o4: never approved, placed in the hour repeated when DST ended (2018-02-17 23:xx)
export const orderRows = [
  'o1,c1,delivered,2017-10-15 00:30:00,2017-10-15 02:00:00,2017-10-17 10:00:00,2017-10-20 15:00:00,2017-11-01 00:00:00',
  'o2,c2,canceled,2017-07-01 10:00:00,2017-07-01 11:00:00,2017-07-01 09:00:00,2017-07-05 12:00:00,2017-07-20 00:00:00',
  'o3,c3,unavailable,2017-07-02 08:00:00,2017-07-02 09:00:00,,,2017-07-25 00:00:00',
  'o4,c4,created,2018-02-17 23:30:00,,,,2018-03-10 00:00:00',
]

const items = `order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,freight_value
o1,1,pX,s1,2017-10-20 00:00:00,49.90,10.00
o1,2,pX,s1,2017-10-20 00:00:00,49.9,10
o1,3,pY,s2,2017-10-20 00:00:00,100.00,5.5
o2,1,pX,s1,2017-07-05 00:00:00,49.90,8.00
o4,1,pZ,s1,2018-02-20 00:00:00,80.00,0.00
`

export const paymentRows = [
  'o1,1,credit_card,3,200.00',
  'o1,2,voucher,1,25.30',
  'o2,1,credit_card,1,57.90',
  'o3,1,boleto,1,55.50',
  'o4,1,boleto,1,80.00',
]

export const REVIEWS_HEADER =
  'review_id,order_id,review_score,review_comment_title,review_comment_message,review_creation_date,review_answer_timestamp'

export const reviewRows = [
  'r1,o1,4,"Bom ","Chegou no prazo, mas\r\na caixa veio ""amassada""",2017-10-21 00:00:00,2017-10-22 10:00:00',
  'r1,o2,4,"Bom ","Chegou no prazo, mas\r\na caixa veio ""amassada""",2017-10-21 00:00:00,2017-10-22 10:00:00',
  'r2,o4,1,,,2018-02-10 00:00:00,2018-02-11 12:00:00',
  'r3,o3,2,,Produto indisponível,2017-07-03 00:00:00,2017-07-04 09:15:00',
]

/** The fixture's files, with `orders`, `payments` or `reviews` rows replaced when given. */
export const olistFiles = (
  replace: { orders?: readonly string[]; payments?: readonly string[]; reviews?: readonly string[] } = {},
): Record<string, string> => ({
  'olist_customers_dataset.csv': customers,
  'olist_orders_dataset.csv': [ORDERS_HEADER, ...(replace.orders ?? orderRows)].join('\n') + '\n',
  'olist_order_items_dataset.csv': items,
  'olist_order_payments_dataset.csv':
    [
      'order_id,payment_sequential,payment_type,payment_installments,payment_value',
      ...(replace.payments ?? paymentRows),
    ].join('\r\n') + '\r\n',
  'olist_order_reviews_dataset.csv': [REVIEWS_HEADER, ...(replace.reviews ?? reviewRows)].join('\n') + '\n',
})
